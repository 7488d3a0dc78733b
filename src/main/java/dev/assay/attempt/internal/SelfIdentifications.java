package dev.assay.attempt.internal;

import dev.assay.attempt.SelfIdentification;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The self_identification table: written by the candidate after submitting, read only in totals. */
@Component
public class SelfIdentifications {

    private final JdbcClient jdbc;

    SelfIdentifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores (or replaces) the answers of the invitation's candidate. */
    public void store(long invitationId, long assessmentId, SelfIdentification answers, Instant now) {
        String sex = answers.sex() == null ? null : answers.sex().name();
        String race = answers.raceEthnicity() == null ? null : answers.raceEthnicity().name();
        int updated = jdbc.sql("update self_identification set sex = ?, race_ethnicity = ?, answered_at = ? "
                + "where invitation_id = ?").params(sex, race, Timestamp.from(now), invitationId).update();
        if (updated == 0) {
            jdbc.sql("insert into self_identification (invitation_id, assessment_id, sex, race_ethnicity, answered_at) "
                    + "values (?, ?, ?, ?, ?)").params(invitationId, assessmentId, sex, race, Timestamp.from(now))
                    .update();
        }
    }

    public boolean answered(long invitationId) {
        return jdbc.sql("select count(*) from self_identification where invitation_id = ?").param(invitationId)
                .query(Long.class).single() > 0;
    }
}
