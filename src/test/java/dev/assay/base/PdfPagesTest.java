package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The PDF layout keeps everything on the page: no glyph outside the margins, no table row split across pages (each
 * row's first and last words land on the same page), the header repeated on every page a table reaches, long words
 * broken rather than clipped, and names in other scripts printed as written.
 */
class PdfPagesTest {

    /** Every glyph with its page, read back from the PDF. */
    record Glyph(int page, float x, float y, float width, String text) {
    }

    private static List<Glyph> glyphs(PDDocument document) throws IOException {
        List<Glyph> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    out.add(new Glyph(getCurrentPageNo(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                            p.getUnicode()));
                }
            }
        };
        stripper.getText(document);
        return out;
    }

    private static List<String> pages(PDDocument document) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(stripper.getText(document));
        }
        return pages;
    }

    @Test
    void longTablesFlowOverPagesWithoutClippingOrSplittingARow() throws IOException {
        PdfPages pdf = new PdfPages("Layout check", "Assay · layout check");
        pdf.title("Zoë Łukasiewicz · Ωμέγα · Иван Петров", "Data Analyst — autumn round: a title long enough to need its own second line when it is "
                + "set at ten points across the width of an A4 page, which it should do gracefully");
        pdf.figures(List.of(new PdfPages.Figure("Band", "1 of 3", "Position 2 of 40"),
                new PdfPages.Figure("Adjusted score", "3.91", "± 0.21 (SE), severity removed"),
                new PdfPages.Figure("Raw score", "3.75", "± 0.20 (SE)"), new PdfPages.Figure("Reviews", "2", "")));
        pdf.heading("Reviewers").note("Each reviewer's score.");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String comment = "start" + i + " " + "The critique found the wrong percentage and the missing caveat. "
                    .repeat(1 + i % 6) + "end" + i;
            rows.add(List.of("Reviewer " + i, "3.50", "+0.12", "3.62", comment));
        }
        rows.add(List.of("Unbroken", "1", "2", "3", "x".repeat(400) + " endlong"));
        rows.add(List.of("Emoji 🙂 and tab\there", "1", "2", "3", "end-emoji"));
        // A pasted token of 20,000 characters without a space: broken into lines, over pages, in one pass.
        rows.add(List.of("Token", "1", "2", "3", "t".repeat(20_000) + " endtoken"));
        pdf.table(List.of(PdfPages.Column.text("Reviewer", 2), PdfPages.Column.figure("Score", 1),
                PdfPages.Column.figure("Severity", 1), PdfPages.Column.figure("Adjusted", 1),
                PdfPages.Column.text("Overall comment", 5)), rows);
        pdf.heading("After the table").paragraph("A closing paragraph.");
        byte[] bytes = pdf.finish();

        try (PDDocument document = Loader.loadPDF(bytes)) {
            int count = document.getNumberOfPages();
            assertThat(count).isGreaterThanOrEqualTo(4);
            float w = PDRectangle.A4.getWidth();
            float h = PDRectangle.A4.getHeight();
            for (Glyph g : glyphs(document)) {
                assertThat(g.x()).as("left edge of '%s' on page %d", g.text(), g.page()).isGreaterThanOrEqualTo(47);
                assertThat(g.x() + g.width()).as("right edge of '%s' on page %d", g.text(), g.page())
                        .isLessThanOrEqualTo(w - 47);
                assertThat(g.y()).as("'%s' on page %d below the top margin", g.text(), g.page())
                        .isGreaterThanOrEqualTo(47);
                assertThat(g.y()).as("'%s' on page %d above the bottom margin", g.text(), g.page())
                        .isLessThanOrEqualTo(h - 47);
            }
            List<String> pages = pages(document);
            for (int i = 0; i < 70; i++) {
                int first = page(pages, "start" + i + " ");
                int last = page(pages, "end" + i + "\n", "end" + i + " ", "end" + i + "\r");
                assertThat(first).as("row %d is in the document", i).isPositive();
                assertThat(last).as("row %d is kept on one page", i).isEqualTo(first);
            }
            for (int p = 1; p < pages.size(); p++) {
                if (pages.get(p).contains("start")) {
                    assertThat(pages.get(p)).as("page %d repeats the table's header", p + 1).contains("Overall comment");
                }
                assertThat(pages.get(p)).contains("Page " + (p + 1) + " of " + count);
            }
            String all = String.join("\n", pages);
            assertThat(all).contains("Zoë Łukasiewicz · Ωμέγα · Иван Петров").contains("Data Analyst — autumn").contains("endlong")
                    .contains("Emoji ? and tab here").contains("A closing paragraph.");
            assertThat(all.replaceAll("\\s", "")).contains("x".repeat(400)).contains("endtoken");
            // The token runs over several pages (footers come between its parts); none of it is lost.
            assertThat(java.util.regex.Pattern.compile("t{10,}").matcher(all.replaceAll("\\s", "")).results()
                    .mapToInt(m -> m.group().length()).sum()).isEqualTo(20_000);
        }
    }

    private static int page(List<String> pages, String... needles) {
        for (int p = 0; p < pages.size(); p++) {
            for (String needle : needles) {
                if (pages.get(p).contains(needle)) {
                    return p + 1;
                }
            }
        }
        return -1;
    }
}
