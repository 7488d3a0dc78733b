package dev.assay.review.internal;

import dev.assay.attempt.AttemptSubmitted;
import dev.assay.base.ClusterJobs;
import dev.assay.base.Conflicts;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts submitted attempts into review. The submission event is stored in Spring Modulith's event
 * publication registry with the candidate's submission and handled after it commits, on a thread and in a
 * transaction of its own: a problem here can never undo a submission, and the request that submitted never
 * holds its database connection while it waits for another (when it did, 20 candidates submitting at once
 * held all 20 pooled connections, each waiting for a second one: the load harness's submit burst stalled).
 * A periodic sweep takes in anything that was missed (for example when the application stopped in between).
 */
@Component
class SubmissionIntake {

    private static final Logger log = LoggerFactory.getLogger(SubmissionIntake.class);

    private final ReviewAssignments assigning;
    private final ReviewPanelRepository panels;
    private final TransactionTemplate separate;
    private final ClusterJobs cluster;

    SubmissionIntake(ReviewAssignments assigning, ReviewPanelRepository panels, PlatformTransactionManager transactions,
            ClusterJobs cluster) {
        this.assigning = assigning;
        this.panels = panels;
        this.cluster = cluster;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Not in a request: a background thread after the submission committed. Nobody is signed in; the
     * assignments read other modules through their ports and the audit log names the application as the actor.
     */
    @Async
    @TransactionalEventListener
    public void on(AttemptSubmitted submitted) {
        try {
            // In a transaction of its own, run again if the database rolls it back for a conflicting one.
            Conflicts.retry("review intake", () -> separate.execute(status -> {
                assigning.intake(submitted.attemptId(), submitted.invitationId(), submitted.assessmentId(),
                        submitted.submittedAt());
                return null;
            }));
        } catch (DataIntegrityViolationException e) {
            // Taken in meanwhile by a panel change or the sweep: nothing is missing.
            log.debug("Attempt {} was already in review", submitted.attemptId());
        } catch (RuntimeException e) {
            log.error("Attempt {} was submitted but could not be put into review yet; the sweep will retry",
                    submitted.attemptId(), e);
            throw e;
        }
    }

    /** Takes in submissions the listener missed and fills panels that gained reviewers; one node at a time. */
    @Scheduled(fixedDelayString = "${assay.review.sweep-interval:PT5M}",
            initialDelayString = "${assay.review.sweep-initial-delay:PT1M}")
    void scheduled() {
        cluster.runOnce("review-sweep", Duration.ofMinutes(30), Duration.ofMinutes(1), this::sweep);
    }

    void sweep() {
        List<Long> assessments = panels.findAll().stream().filter(p -> !p.isClosed())
                .map(ReviewPanel::getAssessmentId).toList();
        for (Long assessment : assessments) {
            try {
                Integer assigned = separate.execute(status -> assigning.fillAll(assessment));
                if (assigned != null && assigned > 0) {
                    log.info("Review sweep assigned {} reviews on assessment {}", assigned, assessment);
                }
            } catch (RuntimeException e) {
                log.error("Review sweep failed on assessment {}", assessment, e);
            }
        }
    }
}
