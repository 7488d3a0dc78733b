package dev.assay.taskbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void anArtifactSplitsIntoSentencesWithHeadingsAndListItemsOnTheirOwn() {
        String artifact = """
                Q3 summary
                Revenue rose 12% to $4.1M. Margins held at 31%, e.g. in retail.

                - Churn fell to 2.1%.
                """;

        assertThat(Segmenter.split(artifact)).containsExactly("Q3 summary", "Revenue rose 12% to $4.1M.",
                "Margins held at 31%, e.g. in retail.", "- Churn fell to 2.1%.");
    }

    @Test
    void mergingRenumbersLaterSegmentsAndKeepsFlawsOnTheirText() {
        AiCritique critique = critique(List.of("A.", "B.", "C.", "D."),
                List.of(flaw(1), flaw(2), flaw(3), flaw(4)));

        AiCritique merged = SegmentEdits.mergeWithNext(critique, 2);

        assertThat(merged.segments()).containsExactly("A.", "B. C.", "D.");
        assertThat(merged.flaws()).extracting(PlantedFlaw::segments)
                .containsExactly(List.of(1), List.of(2), List.of(2), List.of(3));
    }

    @Test
    void splittingShiftsLaterSegmentsAndAFlawOnTheSplitSegmentCoversAllParts() {
        AiCritique critique = critique(List.of("A.", "B1. B2.", "C."), List.of(flaw(2), flaw(3)));

        AiCritique split = SegmentEdits.split(critique, 2, List.of("B1.", "B2."));

        assertThat(split.segments()).containsExactly("A.", "B1.", "B2.", "C.");
        assertThat(split.flaws()).extracting(PlantedFlaw::segments).containsExactly(List.of(2, 3), List.of(4));
    }

    private static AiCritique critique(List<String> segments, List<PlantedFlaw> flaws) {
        return new AiCritique("s", "p", segments, flaws, null);
    }

    private static PlantedFlaw flaw(int segment) {
        return new PlantedFlaw(List.of(segment), FlawCategory.OTHER, "x");
    }
}
