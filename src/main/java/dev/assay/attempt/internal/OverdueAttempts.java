package dev.assay.attempt.internal;

import dev.assay.base.ClusterJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Submits attempts whose time is up, with whatever was saved, even if the candidate has gone away. */
@Component
public class OverdueAttempts {

    private static final Logger log = LoggerFactory.getLogger(OverdueAttempts.class);

    private final AttemptRepository attempts;
    private final Submissions submissions;
    private final Clock clock;
    private final ClusterJobs cluster;
    private final TransactionTemplate transaction;

    OverdueAttempts(AttemptRepository attempts, Submissions submissions, Clock clock, ClusterJobs cluster,
            PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.submissions = submissions;
        this.clock = clock;
        this.cluster = cluster;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** On one node of the cluster at a time; the others skip the round. */
    @Scheduled(fixedDelayString = "${assay.attempts.overdue-check:PT15S}", initialDelayString = "PT20S")
    void scheduled() {
        cluster.runOnce("overdue-attempts", Duration.ofMinutes(5), Duration.ofSeconds(10),
                () -> transaction.execute(status -> submitOverdue()));
    }

    @Transactional
    public int submitOverdue() {
        Instant now = clock.instant();
        int submitted = 0;
        for (Long id : attempts.findOverdue(now.minus(Attempt.GRACE))) {
            Attempt attempt = attempts.findById(id).orElseThrow();
            if (attempt.isOverdue(now)) {
                submissions.submit(attempt, now, true);
                submitted++;
            }
        }
        if (submitted > 0) {
            log.info("Submitted {} attempts whose time was up", submitted);
        }
        return submitted;
    }
}
