package dev.assay.taskbank;

/** What a candidate's landing page says about an assessment. */
public record CandidateBrief(long assessmentId, String title, String roleName, String roleDescription, String intro,
        int taskCount, int totalMinutes, boolean accommodationsAllowed, AssessmentStatus status) {
}
