package dev.assay.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.review.ReviewException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The panel validates itself: who may sit on it, how many reviews each submission gets, and when it closes. */
class ReviewPanelTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Set<Long> ELIGIBLE = Set.of(1L, 2L, 3L);

    @Test
    void aValidPanelIsDefined() {
        ReviewPanel panel = ReviewPanel.create(40, NOW);
        panel.define(Set.of(1L, 2L), ELIGIBLE, 2, 5, 7, NOW);
        assertThat(panel.getMembers()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(panel.getReviewsPerSubmission()).isEqualTo(2);
        assertThat(panel.getLinkingCount()).isEqualTo(5);
        assertThat(panel.getDueDays()).isEqualTo(7);
    }

    @Test
    void everyProblemIsNamedAtOnceAndNothingChanges() {
        ReviewPanel panel = ReviewPanel.create(40, NOW);
        panel.define(Set.of(1L), ELIGIBLE, 1, 0, 5, NOW);
        assertThatThrownBy(() -> panel.define(Set.of(1L, 9L), ELIGIBLE, 6, 31, 0, NOW))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("Only active staff with the Reviewer role can be on a panel.")
                .hasMessageContaining("Each submission needs between 1 and 5 reviews.")
                .hasMessageContaining("The linking set can hold 0 to 30 submissions.")
                .hasMessageContaining("Reviews are due between 1 and 60 days after assignment.");
        assertThat(panel.getMembers()).containsExactly(1L);
        assertThat(panel.getDueDays()).isEqualTo(5);
    }

    @Test
    void aPanelNeedsMembersAndEnoughOfThemForIndependentReviews() {
        ReviewPanel panel = ReviewPanel.create(40, NOW);
        assertThatThrownBy(() -> panel.define(Set.of(), ELIGIBLE, 1, 0, 5, NOW))
                .hasMessageContaining("Choose at least one reviewer.");
        assertThatThrownBy(() -> panel.define(Set.of(1L, 2L), ELIGIBLE, 3, 0, 5, NOW))
                .hasMessageContaining("Each submission needs 3 independent reviews, but the panel has 2 reviewers.");
    }

    @Test
    void aClosedPanelNeitherChangesNorClosesTwice() {
        ReviewPanel panel = ReviewPanel.create(40, NOW);
        panel.define(Set.of(1L, 2L), ELIGIBLE, 2, 0, 5, NOW);
        panel.close("rhea@assay.example", NOW.plusSeconds(60));
        assertThat(panel.isClosed()).isTrue();
        assertThat(panel.getClosedBy()).isEqualTo("rhea@assay.example");
        assertThatThrownBy(() -> panel.define(Set.of(1L, 3L), ELIGIBLE, 2, 0, 5, NOW))
                .hasMessageContaining("This review is closed");
        assertThatThrownBy(() -> panel.close("ravi@assay.example", NOW)).hasMessage("This review is already closed.");
        assertThat(panel.getClosedBy()).isEqualTo("rhea@assay.example");
    }
}
