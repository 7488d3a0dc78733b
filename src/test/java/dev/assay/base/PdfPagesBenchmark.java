package dev.assay.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: times drawing a rank-card-sized PDF (four figures, a decision, six criteria, four tasks,
 * three reviewers with comments, a dozen paragraphs: two pages) and a long one (300 table rows), and prints the
 * median of repeated runs and the sizes. Not part of the normal build (its name does not end in Test); run with
 * {@code ./mvnw -B test -Dtest=PdfPagesBenchmark}.
 */
class PdfPagesBenchmark {

    private static byte[] card() {
        PdfPages pdf = new PdfPages("Rank card · Jamal Ivanova", "Assay · rank card · C-7XGB · generated now");
        pdf.title("Jamal Ivanova · C-7XGB", "Data Analyst — autumn round · jamal.ivanova@candidates.example");
        pdf.figures(List.of(new PdfPages.Figure("Band", "1 of 10", "Position 1 of 40"),
                new PdfPages.Figure("Adjusted score", "4.30", "± 0.09 (SE), severity removed"),
                new PdfPages.Figure("Raw score", "4.44", "± 0.32 (SE)"), new PdfPages.Figure("Reviews", "2", "")));
        pdf.note("Band 1: candidates in the same band cannot be told apart at 95% confidence.");
        pdf.heading("Decision").paragraph("Advance · 4 Dec 2026, 03:53 UTC · rhea@assay.example · Strong across the "
                + "rubric; invite to the first interview.");
        List<List<String>> criteria = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            criteria.add(List.of("Criterion " + i, "17%", "4.25", "0.71"));
        }
        pdf.heading("Criteria").note("Contribution = mean level × the criterion's share of the weight.")
                .table(List.of(PdfPages.Column.text("Criterion", 4), PdfPages.Column.figure("Weight", 1.3f),
                        PdfPages.Column.figure("Mean level", 1.6f), PdfPages.Column.figure("Contribution", 1.8f)),
                        criteria);
        List<List<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(List.of(String.valueOf(i + 1), "Summarise Q2 channel sales for the commercial director, with "
                    + "the assistant's help", "AI collaboration", "4.33"));
        }
        pdf.heading("Tasks").table(List.of(PdfPages.Column.figure("#", 0.5f), PdfPages.Column.text("Task", 5),
                PdfPages.Column.text("Kind", 2.4f), PdfPages.Column.figure("Mean level", 1.5f)), tasks);
        List<List<String>> reviewers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviewers.add(List.of("Reviewer " + i, "4.52", "-0.15", "4.37", "Strong, well-checked work; would move "
                    + "forward. The critique caught the wrong percentage and the missing caveat."));
        }
        pdf.heading("Reviewers").table(List.of(PdfPages.Column.text("Reviewer", 2.2f), PdfPages.Column.figure("Score", 1),
                PdfPages.Column.figure("Severity added", 1.4f), PdfPages.Column.figure("Adjusted", 1.1f),
                PdfPages.Column.text("Overall comment", 5)), reviewers);
        for (int i = 0; i < 12; i++) {
            pdf.paragraph("Task 3, Critique an AI-written A/B test memo for leadership: found 4 of 4 planted flaws (4 "
                    + "with the right category); 4 of 4 flags on a planted flaw. Precision 1.00, recall 1.00, F1 1.00.");
        }
        return pdf.finish();
    }

    private static byte[] long300() {
        PdfPages pdf = new PdfPages("Long table", "Assay · benchmark");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(List.of("Reviewer " + i, "3.50", "+0.12", "3.62", "The critique found the wrong percentage "
                    .repeat(1 + i % 4)));
        }
        pdf.table(List.of(PdfPages.Column.text("Reviewer", 2), PdfPages.Column.figure("Score", 1),
                PdfPages.Column.figure("Severity", 1), PdfPages.Column.figure("Adjusted", 1),
                PdfPages.Column.text("Overall comment", 5)), rows);
        return pdf.finish();
    }

    @Test
    void drawRankCards() {
        time("rank card", PdfPagesBenchmark::card);
        time("300-row table", PdfPagesBenchmark::long300);
    }

    private static void time(String what, java.util.function.Supplier<byte[]> draw) {
        for (int warm = 0; warm < 3; warm++) {
            draw.get();
        }
        int runs = 9;
        double[] ms = new double[runs];
        int size = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            size = draw.get().length;
            ms[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("PdfPagesBenchmark: %s: median %.1f ms (min %.1f, max %.1f) over %d runs; %,d bytes%n",
                what, ms[runs / 2], ms[0], ms[runs - 1], runs, size);
    }
}
