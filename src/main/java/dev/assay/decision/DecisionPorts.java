package dev.assay.decision;

import dev.assay.decision.port.DecisionRecords;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The decision module's side of subject access and erasure. */
@Component
@Transactional
class DecisionPorts implements DecisionRecords {

    private final JdbcClient jdbc;

    DecisionPorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(long submissionId) {
        return jdbc.sql("select outcome, reason, decided_at from candidate_decision where submission_id = ? order by id")
                .param(submissionId).query().listOfRows();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Decision> history(long submissionId) {
        return new java.util.ArrayList<>(jdbc.sql("select id, submission_id, outcome, reason, decided_by, decided_at "
                + "from candidate_decision where submission_id = ? order by id")
                .param(submissionId).query((rs, n) -> row(rs)).list());
    }

    static Decision row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decision(rs.getLong(1), rs.getLong(2), Outcome.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    @Override
    public void forget(long submissionId) {
        jdbc.sql("update candidate_decision set reason = null where submission_id = ?").param(submissionId).update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Decider> deciders(long assessmentId) {
        return jdbc.sql("select decided_by, count(*), min(decided_at), max(decided_at) from candidate_decision "
                + "where assessment_id = ? group by decided_by order by count(*) desc, decided_by")
                .param(assessmentId)
                .query((rs, n) -> new Decider(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant())).list();
    }
}
