package dev.assay.decision.port;

import java.util.List;
import java.util.Map;

/** Decisions about one submission, for a subject access export and for erasure. Unguarded: the privacy module's
 * admin-only service calls it. */
public interface DecisionRecords {

    /** The submission's decisions, oldest first: outcome, reason and time (never who decided). */
    List<Map<String, Object>> export(long submissionId);

    /** Removes the written reasons, which may describe the candidate; outcomes and times stay for statistics. */
    void forget(long submissionId);

    /** A submission's decisions, oldest first (the last is the current one), for a report its caller may give out. */
    List<dev.assay.decision.Decision> history(long submissionId);

    /** Who recorded the assessment's decisions (every recorded decision, changes included), most first. */
    List<Decider> deciders(long assessmentId);

    /** A person and the decisions they recorded on an assessment, with the first and last time. */
    record Decider(String by, long decisions, java.time.Instant first, java.time.Instant last) {
    }
}
