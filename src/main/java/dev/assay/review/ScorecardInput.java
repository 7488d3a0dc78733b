package dev.assay.review;

import java.util.List;

/** What a reviewer enters: a level (and maybe a justification) per task × criterion, and an overall comment. */
public record ScorecardInput(List<ScoreCell> scores, String overallComment) {

    public ScorecardInput {
        scores = scores == null ? List.of() : List.copyOf(scores);
        overallComment = overallComment == null ? "" : overallComment;
    }
}
