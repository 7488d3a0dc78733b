package dev.assay.review.internal;

import dev.assay.review.ScoreCell;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** A score as stored in a scorecard revision. */
@Embeddable
public class StoredScore {

    @Column(name = "task_position", nullable = false)
    private int taskPosition;

    @Column(name = "criterion_key", nullable = false)
    private String criterionKey;

    @Column(name = "score_level", nullable = false)
    private int level;

    @Lob
    @Column(length = Integer.MAX_VALUE)
    private String justification;

    protected StoredScore() {
    }

    StoredScore(ScoreCell cell) {
        this.taskPosition = cell.taskPosition();
        this.criterionKey = cell.criterionKey();
        this.level = cell.level();
        this.justification = cell.justification();
    }

    public ScoreCell cell() {
        return new ScoreCell(taskPosition, criterionKey, level, justification);
    }
}
