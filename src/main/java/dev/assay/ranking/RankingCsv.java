package dev.assay.ranking;

import dev.assay.base.CsvText;
import dev.assay.decision.Decision;
import dev.assay.ranking.stats.ScoreBands;
import dev.assay.review.CollaborationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking as CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads
 * accents), RFC 4180 quoting, dot decimals, and text cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) prefixed with an apostrophe. Names and emails are filled in only when
 * the review is closed. Headers are the words the ranking page uses; each criterion column also names the
 * criterion's key in brackets, which stays the same when a criterion is renamed.
 */
public final class RankingCsv {

    private RankingCsv() {
    }

    public static String write(AssessmentRanking ranking) {
        return write(ranking, Map.of());
    }

    /**
     * With the assistant's evidence (by submission id): when any candidate has an AI-collaboration task, six more
     * columns say how many planted flaws the assistant served, how many reached the deliverable and how many were
     * corrected, the messages and those asking it to check, and the share of the deliverable copied from it.
     */
    public static String write(AssessmentRanking ranking, Map<Long, CollaborationSummary> assistant) {
        return write(ranking, assistant, Map.of());
    }

    /**
     * With the recruiters' current decisions too (by submission id): when any candidate has one, four more columns
     * give the decision, its reason, who made it and when (UTC).
     */
    public static String write(AssessmentRanking ranking, Map<Long, CollaborationSummary> assistant,
            Map<Long, Decision> decisions) {
        CsvText out = new CsvText();
        List<String> header = new ArrayList<>(List.of("Position", "Band", "Candidate code", "Name", "Email",
                "Adjusted score", "Adjusted SE", "Raw score", "Raw SE", "Adjusted for severity", "Reviews",
                "Reviews still to come"));
        ranking.criteria().forEach(c -> header.add(c.name() + " (mean) [" + c.key() + "]"));
        header.addAll(List.of("Flagged", "Disagreement"));
        boolean withAssistant = !assistant.isEmpty();
        if (withAssistant) {
            header.addAll(List.of("AI flaws served", "AI flaws in deliverable", "AI flaws corrected",
                    "Assistant messages", "Messages asking to check", "Share copied from assistant"));
        }
        boolean withDecisions = !decisions.isEmpty();
        if (withDecisions) {
            header.addAll(List.of("Decision", "Decision reason", "Decided by", "Decided at (UTC)"));
        }
        out.row(header);
        for (AssessmentRanking.Candidate c : ranking.candidates()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(c.position()),
                    c.band() == ScoreBands.NO_BAND ? "" : String.valueOf(c.band()),
                    c.candidateCode(), c.name() == null ? "" : c.name(), c.email() == null ? "" : c.email(),
                    number(c.adjusted()), number(c.adjustedSe()), number(c.raw()), number(c.rawSe()),
                    c.adjustedBySeverity() ? "yes" : "no", String.valueOf(c.reviews()), String.valueOf(c.pendingReviews())));
            ranking.criteria().forEach(k -> {
                Double m = c.criterionMeans().get(k.key());
                cells.add(m == null ? "" : number(m));
            });
            cells.add(c.flagged() ? "yes" : "no");
            cells.add(c.disagreement(ranking.identitiesVisible()));
            if (withAssistant) {
                CollaborationSummary a = assistant.get(c.submissionId());
                if (a == null) {
                    cells.addAll(List.of("", "", "", "", "", ""));
                } else {
                    cells.addAll(List.of(String.valueOf(a.served()), String.valueOf(a.reached()),
                            String.valueOf(a.corrected()), String.valueOf(a.messages()), String.valueOf(a.checkMessages()),
                            number(a.copiedShare())));
                }
            }
            if (withDecisions) {
                Decision d = decisions.get(c.submissionId());
                cells.addAll(d == null ? List.of("", "", "", "") : List.of(d.outcome().label(),
                        d.reason() == null ? "" : d.reason(), d.decidedBy(),
                        d.decidedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
            }
            out.row(cells);
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
