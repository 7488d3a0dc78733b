package dev.assay.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What docs/scoring.md says about the computation matches the code. */
class ScoringDocsTest {

    @Test
    void theAlphaBootstrapResamplesAreTheOnesTheDocsGive() throws IOException {
        String docs = Files.readString(Path.of("docs/scoring.md"));
        assertThat(docs).contains(String.format(Locale.ENGLISH, "%,d resamples", RankingComputation.ALPHA_RESAMPLES));
    }
}
