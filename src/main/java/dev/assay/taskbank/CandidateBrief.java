package dev.assay.taskbank;

/**
 * What a candidate's landing page says about an assessment. {@code withAssistant}: some task may be done with an
 * AI assistant (an AI-collaboration task, fixed or in a random pick that can draw one).
 */
public record CandidateBrief(long assessmentId, String title, String roleName, String roleDescription, String intro,
        int taskCount, int totalMinutes, boolean accommodationsAllowed, AssessmentStatus status,
        boolean withAssistant) {
}
