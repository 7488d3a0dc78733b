package dev.assay.attempt.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Submits attempts whose time is up, with whatever was saved, even if the candidate has gone away. */
@Component
public class OverdueAttempts {

    private static final Logger log = LoggerFactory.getLogger(OverdueAttempts.class);

    private final AttemptRepository attempts;
    private final Submissions submissions;
    private final Clock clock;

    OverdueAttempts(AttemptRepository attempts, Submissions submissions, Clock clock) {
        this.attempts = attempts;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${assay.attempts.overdue-check:PT15S}", initialDelayString = "PT20S")
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
