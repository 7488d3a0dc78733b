package dev.assay.ranking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakableHeaderTest {

    private static final char SOFT = '\u00AD';

    @Test
    void longWordsGetSoftHyphensAwayFromTheirEnds() {
        String out = RankingView.breakable("Clarity of communication");
        assertThat(out.replace(String.valueOf(SOFT), "")).isEqualTo("Clarity of communication");
        String word = out.substring(out.lastIndexOf(' ') + 1);
        assertThat(word).startsWith("comm" + SOFT).endsWith(SOFT + "ion");
        assertThat(word.chars().filter(c -> c == SOFT).count()).isEqualTo("communication".length() - 6);
    }

    @Test
    void shortWordsAndPunctuationAreLeftAlone() {
        assertThat(RankingView.breakable("Human in the loop: risk")).isEqualTo("Human in the loop: risk");
        assertThat(RankingView.breakable("ABC-123-4567")).doesNotContain(String.valueOf(SOFT));
        assertThat(RankingView.breakable("")).isEmpty();
    }
}
