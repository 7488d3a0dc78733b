package dev.assay.review.internal;

import dev.assay.attempt.AttemptSubmitted;
import dev.assay.base.SystemAuthentication;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts submitted attempts into review. Each submission is taken in right after it commits, in a
 * transaction of its own, so a problem here can never undo a candidate's submission; a periodic sweep
 * takes in anything that was missed (for example when the application stopped in between).
 */
@Component
class SubmissionIntake {

    private static final Logger log = LoggerFactory.getLogger(SubmissionIntake.class);

    private final ReviewEngine engine;
    private final ReviewPanelRepository panels;
    private final TransactionTemplate separate;

    SubmissionIntake(ReviewEngine engine, ReviewPanelRepository panels, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.panels = panels;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AttemptSubmitted submitted) {
        try {
            SystemAuthentication.runAs("SYSTEM", () -> separate.executeWithoutResult(status -> engine.intake(
                    submitted.attemptId(), submitted.invitationId(), submitted.assessmentId(), submitted.submittedAt())));
        } catch (RuntimeException e) {
            log.error("Attempt {} was submitted but could not be put into review yet; the sweep will retry",
                    submitted.attemptId(), e);
        }
    }

    /** Takes in submissions the listener missed and fills panels that gained reviewers. */
    @Scheduled(fixedDelayString = "${assay.review.sweep-interval:PT5M}",
            initialDelayString = "${assay.review.sweep-initial-delay:PT1M}")
    void sweep() {
        List<Long> assessments = panels.findAll().stream().filter(p -> !p.isClosed())
                .map(ReviewPanel::getAssessmentId).toList();
        for (Long assessment : assessments) {
            try {
                Integer assigned = SystemAuthentication.callAs("SYSTEM",
                        () -> separate.execute(status -> engine.fillAll(assessment)));
                if (assigned != null && assigned > 0) {
                    log.info("Review sweep assigned {} reviews on assessment {}", assigned, assessment);
                }
            } catch (RuntimeException e) {
                log.error("Review sweep failed on assessment {}", assessment, e);
            }
        }
    }
}
