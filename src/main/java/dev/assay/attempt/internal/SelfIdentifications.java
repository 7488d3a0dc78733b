package dev.assay.attempt.internal;

import dev.assay.attempt.SelfIdentification;
import dev.assay.attempt.selfid.SelfIdentifiedAnswers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The self_identification table: written by the candidate after submitting, read only in totals. */
@Component
public class SelfIdentifications implements SelfIdentifiedAnswers {

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
        jdbc.sql("delete from self_identification_extra where invitation_id = ?").param(invitationId).update();
        answers.extra().forEach((key, answer) -> jdbc.sql("insert into self_identification_extra (invitation_id, "
                + "question_key, assessment_id, answer) values (?, ?, ?, ?)").params(invitationId, key, assessmentId,
                        answer).update());
    }

    public boolean answered(long invitationId) {
        return jdbc.sql("select count(*) from self_identification where invitation_id = ?").param(invitationId)
                .query(Long.class).single() > 0;
    }

    @Override
    public Map<Long, SelfIdentification> byInvitation(long assessmentId) {
        Map<Long, SelfIdentification> out = new HashMap<>();
        jdbc.sql("select invitation_id, sex, race_ethnicity from self_identification where assessment_id = ?")
                .param(assessmentId)
                .query((rs, n) -> {
                    String sex = rs.getString(2);
                    String race = rs.getString(3);
                    out.put(rs.getLong(1), new SelfIdentification(sex == null ? null : SelfIdentification.Sex.valueOf(sex),
                            race == null ? null : SelfIdentification.RaceEthnicity.valueOf(race)));
                    return null;
                }).list();
        Map<Long, Map<String, String>> extra = new HashMap<>();
        jdbc.sql("select invitation_id, question_key, answer from self_identification_extra where assessment_id = ?")
                .param(assessmentId)
                .query((rs, n) -> extra.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getString(3))).list();
        extra.forEach((invitation, answers) -> {
            SelfIdentification base = out.get(invitation);
            out.put(invitation, new SelfIdentification(base == null ? null : base.sex(),
                    base == null ? null : base.raceEthnicity(), answers));
        });
        return out;
    }
}
