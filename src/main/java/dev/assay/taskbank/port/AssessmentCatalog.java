package dev.assay.taskbank.port;

import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.CandidateBrief;
import dev.assay.taskbank.DrawnTask;
import dev.assay.taskbank.RubricView;
import java.util.List;

/** Assessments as other modules need them. */
public interface AssessmentCatalog {

    AssessmentView assessment(long assessmentId);

    /**
     * The assessment's title, role, status and size, without the slots' pools (which {@link #assessment}
     * reads task by task): for pages that only name the assessment.
     */
    AssessmentSummary summary(long assessmentId);

    /** The rubric version the assessment is scored against (frozen once the assessment opened). */
    RubricView rubric(long assessmentId);

    /** The assessment as its candidates' landing page describes it. */
    CandidateBrief candidateBrief(long assessmentId);

    /**
     * Draws the tasks for one new candidate: fixed slots give their task version, random slots a fresh
     * pick from their pool, and every task served is counted against its exposure limit. Runs in the
     * caller's transaction, so a start that fails uncounts nothing by hand.
     */
    List<DrawnTask> draw(long assessmentId);

    /** Every closed assessment and when it closed, by id: the start of its data's retention periods. */
    java.util.Map<Long, java.time.Instant> closed();

    /** Every assessment that is not a draft, newest first, as {@link #summary} gives it. */
    List<AssessmentSummary> summaries();
}
