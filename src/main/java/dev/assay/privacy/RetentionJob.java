package dev.assay.privacy;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.ClusterJobs;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes candidate data once it is past its retention period, counted from when the assessment closed: each kind
 * of data ({@link DataCategory}) has its own period ({@code assay.retention.*}). Names and emails become
 * placeholders and text is deleted; levels, outcomes and codes stay for statistics. Each assessment and kind is
 * done once, in its own transaction, and recorded in the audit log. One node at a time runs it.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Map<DataCategory, Duration> periods = new EnumMap<>(DataCategory.class);
    private final AssessmentCatalog catalog;
    private final CandidateRecords invitations;
    private final CandidateForgetting forgetting;
    private final AuditTrail audit;
    private final ClusterJobs cluster;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionJob(AssessmentCatalog catalog, CandidateRecords invitations, CandidateForgetting forgetting,
            AuditTrail audit, ClusterJobs cluster,
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${assay.retention.personal-data:P365D}") Duration personalData,
            @Value("${assay.retention.answers:P365D}") Duration answers,
            @Value("${assay.retention.transcripts:P365D}") Duration transcripts,
            @Value("${assay.retention.signals:P365D}") Duration signals,
            @Value("${assay.retention.self-identification:P730D}") Duration selfIdentification) {
        this.catalog = catalog;
        this.invitations = invitations;
        this.forgetting = forgetting;
        this.audit = audit;
        this.cluster = cluster;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        periods.put(DataCategory.PERSONAL_DATA, personalData);
        periods.put(DataCategory.ANSWERS, answers);
        periods.put(DataCategory.TRANSCRIPTS, transcripts);
        periods.put(DataCategory.SIGNALS, signals);
        periods.put(DataCategory.SELF_IDENTIFICATION, selfIdentification);
        periods.forEach((category, period) -> {
            if (period.isNegative() || period.toDays() < 1) {
                throw new IllegalArgumentException("assay.retention." + category.key() + " must be at least one day");
            }
        });
    }

    /** Each kind of data's retention period. */
    public Map<DataCategory, Duration> periods() {
        return Map.copyOf(periods);
    }

    @Scheduled(fixedDelayString = "${assay.retention.interval:PT6H}",
            initialDelayString = "${assay.retention.initial-delay:PT5M}")
    void scheduled() {
        cluster.runOnce("retention", Duration.ofHours(2), Duration.ofMinutes(30), () -> apply(clock.instant()));
    }

    /** Removes everything past its time at {@code now}; returns how many assessment and kind pairs were done. */
    public int apply(Instant now) {
        int done = 0;
        for (Map.Entry<Long, Instant> closed : catalog.closed().entrySet()) {
            for (DataCategory category : DataCategory.values()) {
                Duration period = periods.get(category);
                if (closed.getValue().plus(period).isAfter(now) || applied(closed.getKey(), category)) {
                    continue;
                }
                Integer candidates = transaction.execute(status -> remove(closed.getKey(), category, period, now));
                log.info("Retention: {} of {} candidates of assessment {} removed", category.key(), candidates,
                        closed.getKey());
                done++;
            }
        }
        return done;
    }

    private boolean applied(long assessmentId, DataCategory category) {
        return jdbc.sql("select count(*) from retention_applied where assessment_id = ? and category = ?")
                .params(assessmentId, category.name()).query(Long.class).single() > 0;
    }

    private int remove(long assessmentId, DataCategory category, Duration period, Instant now) {
        List<Long> ids = invitations.invitationIds(assessmentId);
        for (Long id : ids) {
            switch (category) {
                case PERSONAL_DATA -> forgetting.personalData(id);
                case ANSWERS -> forgetting.answers(id);
                case TRANSCRIPTS -> forgetting.transcripts(id);
                case SIGNALS -> forgetting.signals(id);
                case SELF_IDENTIFICATION -> forgetting.selfIdentification(id);
            }
        }
        jdbc.sql("insert into retention_applied (assessment_id, category, applied_at, candidates) values (?, ?, ?, ?)")
                .params(assessmentId, category.name(), Timestamp.from(now), ids.size()).update();
        audit.record("retention.applied", "assessment " + assessmentId, category.label() + " of " + ids.size()
                + (ids.size() == 1 ? " candidate" : " candidates") + " removed, " + period.toDays()
                + " days after the assessment closed (assay.retention." + category.key() + ")", null);
        return ids.size();
    }
}
