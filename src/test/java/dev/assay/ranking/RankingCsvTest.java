package dev.assay.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.base.CsvText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingCsvTest {

    @Test
    void quotesEscapesAndDefusesFormulas() {
        assertThat(CsvText.cell("plain")).isEqualTo("plain");
        assertThat(CsvText.cell("Smith, Jo")).isEqualTo("\"Smith, Jo\"");
        assertThat(CsvText.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvText.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.cell("-0.250")).isEqualTo("-0.250");
    }

    @Test
    void leavesTheBandEmptyWhenBandsCouldNotBeFormed() {
        AssessmentRanking ranking = new AssessmentRanking(1, "T", false, 0.95,
                List.of(new AssessmentRanking.Criterion("ai-critique", "Critique", 1.0)),
                List.of(new AssessmentRanking.Candidate(9, "C-7F3K", null, null, 0, 1, 4.0, Double.NaN, 4.0,
                        Double.NaN, false, 1, 0, Map.of("ai-critique", 4.0), false, null)),
                List.of(), false, null, 0);
        assertThat(ranking.bandsFormed()).isFalse();
        assertThat(ranking.bandCount()).isZero();
        assertThat(RankingCsv.write(ranking).lines().toList().get(1)).startsWith("1,,C-7F3K,");
    }

    @Test
    void writesOneRowPerCandidateWithCriterionMeans() {
        AssessmentRanking ranking = new AssessmentRanking(1, "T", true, 0.95,
                List.of(new AssessmentRanking.Criterion("ai-critique", "Critique", 1.0)),
                List.of(new AssessmentRanking.Candidate(9, "C-7F3K", "Zoë Ångström", "zoe@example.com", 1, 1, 3.5,
                        0.25, 3.75, 0.3, true, 2, 0, Map.of("ai-critique", 3.5), true, "Reconciled score"),
                        new AssessmentRanking.Candidate(10, "C-9Q2M", "Ola Nordmann", "ola@example.com", 1, 2, 3.0,
                        0.4, 3.1, 0.45, true, 1, 1, Map.of("ai-critique", 3.0), true, null)),
                List.of(), true, null, 0);
        String csv = RankingCsv.write(ranking);
        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFFPosition,Band,Candidate code,Name,Email,Adjusted score,Adjusted SE,Raw score,Raw SE,"
                        + "Adjusted for severity,Reviews,Reviews still to come,Critique (mean) [ai-critique],Flagged,"
                        + "Disagreement",
                "1,1,C-7F3K,Zoë Ångström,zoe@example.com,3.750,0.300,3.500,0.250,yes,2,0,3.500,yes,Reconciled score",
                "2,1,C-9Q2M,Ola Nordmann,ola@example.com,3.100,0.450,3.000,0.400,yes,1,1,3.000,yes,Unresolved at close");
    }

    @Test
    void addsTheCurrentDecisionsWhenThereAreAny() {
        AssessmentRanking ranking = new AssessmentRanking(1, "T", false, 0.95,
                List.of(new AssessmentRanking.Criterion("ai-critique", "Critique", 1.0)),
                List.of(new AssessmentRanking.Candidate(9, "C-7F3K", null, null, 1, 1, 3.5, 0.25, 3.75, 0.3, true, 2, 0,
                        Map.of("ai-critique", 3.5), false, null),
                        new AssessmentRanking.Candidate(10, "C-9Q2M", null, null, 1, 2, 3.0, 0.4, 3.1, 0.45, true, 2, 0,
                        Map.of("ai-critique", 3.0), false, null)),
                List.of(), true, null, 0);
        var decided = Map.of(9L, new dev.assay.decision.Decision(1, 9, dev.assay.decision.Outcome.DECLINE,
                "Withdrew, \"by email\"", "rhea@assay.example", java.time.Instant.parse("2026-12-03T10:15:30.123Z")));
        List<String> lines = RankingCsv.write(ranking, Map.of(), decided).lines().toList();
        assertThat(lines.getFirst()).endsWith(",Flagged,Disagreement,Decision,Decision reason,Decided by,Decided at (UTC)");
        assertThat(lines.get(1)).endsWith(",no,,Decline,\"Withdrew, \"\"by email\"\"\",rhea@assay.example,"
                + "2026-12-03T10:15:30Z");
        assertThat(lines.get(2)).endsWith(",no,,,,,");
    }
}
