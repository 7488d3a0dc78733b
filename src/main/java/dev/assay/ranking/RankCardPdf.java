package dev.assay.ranking;

import dev.assay.base.PdfPages;
import dev.assay.base.PdfPages.Column;
import dev.assay.decision.Decision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rank card as a PDF, from the same card and sentences as the page: where the candidate stands, the decision and
 * its history, each criterion's and task's contribution, every reviewer's score and severity, the planted-flaw check,
 * what working with the assistant showed, integrity signals and the reconciliation history. Times are UTC.
 */
public final class RankCardPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private RankCardPdf() {
    }

    public static byte[] render(RankCard card, List<Decision> history, Instant now) {
        var c = card.candidate();
        PdfPages pdf = new PdfPages("Rank card · " + c.label(), "Assay · rank card · " + c.candidateCode() + " · "
                + card.assessmentTitle() + " · generated " + WHEN.format(now));
        pdf.title(c.label() + (c.name() == null ? "" : " · " + c.candidateCode()),
                card.assessmentTitle() + (c.email() == null ? "" : " · " + c.email()));
        boolean banded = card.bands() > 0;
        pdf.figures(List.of(
                new PdfPages.Figure("Band", banded ? c.band() + " of " + card.bands() : "None",
                        "Position " + c.position() + " of " + card.candidates()),
                new PdfPages.Figure("Adjusted score", String.format(Locale.ROOT, "%.2f", c.adjusted()),
                        RankCardText.error(c.adjustedSe()) + ", " + (c.adjustedBySeverity() ? "severity removed"
                                : "not adjustable")),
                new PdfPages.Figure("Raw score", String.format(Locale.ROOT, "%.2f", c.raw()),
                        RankCardText.error(c.rawSe())),
                new PdfPages.Figure("Reviews", String.valueOf(c.reviews()), "")));
        pdf.note(RankCardText.bandNote(card));

        pdf.heading("Decision");
        if (history.isEmpty()) {
            pdf.paragraph(RankCardText.NO_DECISION);
        } else {
            for (int i = history.size() - 1; i >= 0; i--) {
                Decision d = history.get(i);
                String line = d.outcome().label() + " · " + WHEN.format(d.decidedAt()) + " · " + d.decidedBy()
                        + (d.reason() == null ? "" : " · " + d.reason());
                if (i == history.size() - 1) {
                    pdf.paragraph(line);
                } else {
                    pdf.note("Earlier: " + line);
                }
            }
        }

        pdf.heading("Criteria").note(RankCardText.CRITERIA_NOTE);
        pdf.table(List.of(Column.text("Criterion", 4), Column.figure("Weight", 1.3f), Column.figure("Mean level", 1.6f),
                Column.figure("Contribution", 1.8f)), card.criteria().stream().map(k -> List.of(k.name(),
                        Math.round(k.weightShare() * 100) + "%", RankCardText.twoPlaces(k.mean(), "not scored"),
                        RankCardText.twoPlaces(k.points(), "–"))).toList());

        pdf.heading("Tasks");
        pdf.table(List.of(Column.figure("#", 0.5f), Column.text("Task", 5), Column.text("Kind", 2.4f),
                Column.figure("Mean level", 1.5f)), card.tasks().stream().map(t -> List.of(
                        String.valueOf(t.position() + 1), t.title(), t.kind(), RankCardText.twoPlaces(t.mean(), "–")))
                .toList());

        pdf.heading("Reviewers").note(RankCardText.REVIEWERS_NOTE);
        pdf.table(List.of(Column.text("Reviewer", 2.2f), Column.figure("Score", 1), Column.figure("Severity added", 1.4f),
                Column.figure("Adjusted", 1.1f), Column.text("Overall comment", 5)), card.reviewers().stream()
                .map(r -> List.of(r.name(), String.format(Locale.ROOT, "%.2f", r.raw()), r.severity() == null
                        ? "not estimated" : String.format(Locale.ROOT, "%+.2f", r.severity()),
                        String.format(Locale.ROOT, "%.2f", r.adjusted()), r.overallComment() == null ? ""
                                : r.overallComment()))
                .toList());

        pdf.heading("Planted-flaw check");
        if (card.flawChecks().isEmpty()) {
            pdf.note(RankCardText.NO_CRITIQUE);
        }
        card.flawChecks().forEach(f -> pdf.paragraph(RankCardText.flaws(f)));

        if (!card.collaborations().isEmpty()) {
            pdf.heading("Working with the assistant");
            for (RankCard.Collaboration x : card.collaborations()) {
                pdf.paragraph(RankCardText.collaboration(x));
                RankCardText.collaborationFlaws(x).forEach(pdf::note);
            }
        }

        pdf.heading("Integrity signals").note(RankCardText.SIGNALS_NOTE);
        List<String> signals = new ArrayList<>();
        card.signals().forEach(s -> signals.add(RankCardText.signals(s)));
        signals.forEach(pdf::paragraph);

        pdf.heading("Reconciliation history");
        RankCardText.reconciliation(card.reconciliation()).forEach(pdf::paragraph);
        return pdf.finish();
    }
}
