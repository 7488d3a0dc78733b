package dev.assay.ranking;

import dev.assay.attempt.IntegritySignals;
import dev.assay.review.CollaborationEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rank card's sentences, shared by the page and the PDF so that both say the same thing. */
public final class RankCardText {

    public static final String CRITERIA_NOTE = "Contribution = mean level × the criterion's share of the weight among "
            + "the criteria this candidate's tasks were scored on; the contributions add up to the raw score.";
    public static final String REVIEWERS_NOTE = "Each reviewer's rubric-weighted score; a harsh reviewer's positive "
            + "severity is added back, a lenient reviewer's negative one taken off.";
    public static final String SIGNALS_NOTE = "Facts recorded by the candidate's browser, not verdicts.";
    public static final String NO_CRITIQUE = "No AI-output critique task in this attempt.";
    public static final String NO_DECISION = "No decision yet. Assay recommends nothing: a recruiter decides.";

    private RankCardText() {
    }

    /** "± 0.31 (SE)", or, where one review leaves nothing to estimate it from, says so instead of showing NaN. */
    public static String error(double se) {
        return Double.isNaN(se) || Double.isInfinite(se) ? "no error estimate from one review"
                : String.format(Locale.ROOT, "± %.2f (SE)", se);
    }

    public static String twoPlaces(Double value, String absent) {
        return value == null ? absent : String.format(Locale.ROOT, "%.2f", value);
    }

    /** What the band means for this candidate, or why there are no bands. */
    public static String bandNote(RankCard card) {
        return card.bands() > 0 ? "Band " + card.candidate().band() + ": candidates in the same band cannot be told "
                + "apart at " + Math.round(card.confidence() * 100) + "% confidence." : AssessmentRanking.NO_BANDS;
    }

    public static String flaws(RankCard.FlawCheck f) {
        var r = f.result();
        return String.format(Locale.ROOT, "Task %d, %s: found %d of %d planted flaws (%d with the right category); "
                + "%d of %d flags on a planted flaw. Precision %.2f, recall %.2f, F1 %.2f.", f.position() + 1,
                f.title(), r.found(), r.flaws().size(), r.categoryMatches(), r.hits(), r.flagCount(), r.precision(),
                r.recall(), r.f1());
    }

    public static String collaboration(RankCard.Collaboration c) {
        var e = c.evidence();
        return String.format(Locale.ROOT, "Task %d, %s: the assistant served %d of %d planted flaws; %d reached the "
                + "deliverable, %d %s corrected. %d message%s, %d asking it to check its work; %.0f%% of the "
                + "deliverable copied from its replies.", c.position() + 1, c.title(), e.served(), e.flaws().size(),
                e.reached(), e.corrected(), e.corrected() == 1 ? "was" : "were", e.turns(), e.turns() == 1 ? "" : "s",
                e.checkTurns().size(), 100 * e.copiedShare());
    }

    /** One line per planted flaw the assistant served, saying what became of it. */
    public static List<String> collaborationFlaws(RankCard.Collaboration c) {
        List<String> lines = new ArrayList<>();
        for (var f : c.evidence().flaws()) {
            if (f.outcome() != CollaborationEvidence.Outcome.NOT_SERVED) {
                lines.add("Planted flaw " + f.number() + " (" + f.category().label().toLowerCase(Locale.ROOT) + ") "
                        + f.outcome().label() + ".");
            }
        }
        return lines;
    }

    public static String signals(IntegritySignals s) {
        return String.format(Locale.ROOT, "Task %d: %d min active, %s (%,d characters), left the page %s",
                s.position() + 1, Math.round(s.activeSeconds() / 60.0), count(s.pastes(), "paste", "pastes"),
                s.pastedChars(), count(s.focusLosses(), "time", "times"));
    }

    /** The reconciliation history as sentences. */
    public static List<String> reconciliation(RankCard.Reconciliation r) {
        List<String> lines = new ArrayList<>();
        if (!r.flagged()) {
            lines.add("The reviews never differed by two or more levels.");
        } else if (r.resolution() == null) {
            lines.add("Flagged: the reviews differ by two or more levels, and the disagreement is not resolved. The "
                    + "score is the mean of the reviews as they stand.");
        } else {
            lines.add("Flagged and resolved (" + r.resolution() + "): " + r.reason());
            r.agreedLevels().forEach(a -> lines.add("Agreed " + a));
        }
        return lines;
    }

    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
