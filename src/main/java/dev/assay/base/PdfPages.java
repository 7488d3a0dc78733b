package dev.assay.base;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A small flowing layout for server-drawn PDF documents on A4: headings, wrapped paragraphs, a row of figures and
 * tables whose rows never split across pages (a row that does not fit starts the next page, under the table's header
 * again; only a row taller than a whole page is continued line by line). Text is set in Liberation Sans, embedded
 * (the font ships inside PDFBox), so names in any Latin, Greek or Cyrillic script print as written; a character the
 * font lacks prints as "?". Bold is the regular face filled and stroked. Every page gets a footer: a caption on the
 * left, "Page n of N" on the right.
 */
public final class PdfPages {

    /** One table column: its header, its share of the width, and whether it is right-aligned (figures). */
    public record Column(String header, float share, boolean right) {

        public static Column text(String header, float share) {
            return new Column(header, share, false);
        }

        public static Column figure(String header, float share) {
            return new Column(header, share, true);
        }
    }

    /** A figure in a row of figures: a label, the value, and a note under it (may be empty). */
    public record Figure(String label, String value, String note) {
    }

    static final float MARGIN = 48;
    static final float FOOTER = 28;
    static final Color INK = new Color(0x1e, 0x1b, 0x4b);
    static final Color BODY = new Color(0x33, 0x33, 0x3f);
    static final Color MUTED = new Color(0x5b, 0x61, 0x70);
    static final Color RULE = new Color(0xd9, 0xdc, 0xe3);
    static final Color SHADE = new Color(0xf1, 0xf3, 0xf7);
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final String footer;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final java.util.Map<Integer, Boolean> drawable = new java.util.HashMap<>();
    private final java.util.Map<Integer, Float> advances = new java.util.HashMap<>();
    private PDPageContentStream out;
    private float y;

    public PdfPages(String title, String footer) {
        this.footer = footer;
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + FONT + " is missing from PDFBox");
            }
            font = PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Assay");
        newPage();
    }

    /** The document's first heading, large. */
    public PdfPages title(String text, String subtitle) {
        lines(text, 18, INK, true, 0, width);
        if (subtitle != null && !subtitle.isBlank()) {
            space(2);
            lines(subtitle, 10, MUTED, false, 0, width);
        }
        space(10);
        return this;
    }

    /** A section heading; kept with at least three lines of what follows. */
    public PdfPages heading(String text) {
        ensure(13 * 1.3f + 4 + 3 * 10 * 1.35f);
        space(8);
        lines(text, 13, INK, true, 0, width);
        space(4);
        return this;
    }

    public PdfPages paragraph(String text) {
        return paragraph(text, 10, BODY);
    }

    /** A smaller, grey paragraph: explanations under a heading. */
    public PdfPages note(String text) {
        return paragraph(text, 8.5f, MUTED);
    }

    private PdfPages paragraph(String text, float size, Color color) {
        lines(text, size, color, false, 0, width);
        space(4);
        return this;
    }

    /** A row of figures in boxes (wrapping to a second row when there are more than four). */
    public PdfPages figures(List<Figure> figures) {
        int perRow = Math.min(4, Math.max(1, figures.size()));
        float gap = 8;
        float box = (width - gap * (perRow - 1)) / perRow;
        for (int start = 0; start < figures.size(); start += perRow) {
            List<Figure> row = figures.subList(start, Math.min(figures.size(), start + perRow));
            float height = 0;
            for (Figure f : row) {
                float h = 8 + 8 * 1.3f + 16 * 1.3f + wrap(f.note(), 8, box - 16).size() * 8 * 1.35f + 8;
                height = Math.max(height, h);
            }
            ensure(height + 6);
            float top = y;
            for (int i = 0; i < row.size(); i++) {
                Figure f = row.get(i);
                float x = MARGIN + i * (box + gap);
                rectangle(x, top - height, box, height, SHADE, RULE);
                y = top - 8;
                lines(f.label(), 8, MUTED, false, x + 8 - MARGIN, box - 16);
                lines(f.value(), 16, INK, true, x + 8 - MARGIN, box - 16);
                lines(f.note(), 8, MUTED, false, x + 8 - MARGIN, box - 16);
            }
            y = top - height - 6;
        }
        space(2);
        return this;
    }

    /** A table; every row is kept on one page, and the header is repeated on each page the table reaches. */
    public PdfPages table(List<Column> columns, List<List<String>> rows) {
        float total = (float) columns.stream().mapToDouble(Column::share).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width * columns.get(i).share() / total;
        }
        List<String> header = columns.stream().map(Column::header).toList();
        float size = 8.5f;
        float leading = size * 1.35f;
        float pad = 4;
        ensure(rowHeight(header, widths, size, pad, leading) + rowHeight(rows.isEmpty() ? header : rows.getFirst(),
                widths, size, pad, leading));
        row(columns, widths, header, size, pad, leading, true);
        for (List<String> cells : rows) {
            float height = rowHeight(cells, widths, size, pad, leading);
            float body = PDRectangle.A4.getHeight() - 2 * MARGIN - FOOTER;
            if (y - height < MARGIN + FOOTER && height <= body - 40) {
                newPage();
                row(columns, widths, header, size, pad, leading, true);
            }
            row(columns, widths, cells, size, pad, leading, false);
        }
        space(6);
        return this;
    }

    private float rowHeight(List<String> cells, float[] widths, float size, float pad, float leading) {
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            most = Math.max(most, wrap(cells.get(i), size, widths[i] - 2 * pad).size());
        }
        return most * leading + 2 * pad;
    }

    private void row(List<Column> columns, float[] widths, List<String> cells, float size, float pad, float leading,
            boolean header) {
        List<List<String>> wrapped = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> w = wrap(cells.get(i), size, widths[i] - 2 * pad);
            wrapped.add(w);
            most = Math.max(most, w.size());
        }
        // A row taller than what is left of the page is drawn in parts, each part on a page of its own.
        int drawn = 0;
        while (drawn < most) {
            int fit = (int) Math.floor((y - MARGIN - FOOTER - 2 * pad) / leading);
            if (fit < 1) {
                newPage();
                continue;
            }
            int take = Math.min(most - drawn, fit);
            float height = take * leading + 2 * pad;
            float x = MARGIN;
            if (header) {
                rectangle(MARGIN, y - height, width, height, SHADE, null);
            }
            for (int i = 0; i < cells.size(); i++) {
                List<String> part = wrapped.get(i).subList(Math.min(drawn, wrapped.get(i).size()),
                        Math.min(drawn + take, wrapped.get(i).size()));
                float lineY = y - pad - size;
                for (String line : part) {
                    float textWidth = textWidth(line, size);
                    float left = columns.get(i).right() ? x + widths[i] - pad - textWidth : x + pad;
                    text(line, left, lineY, size, header ? INK : BODY, header);
                    lineY -= leading;
                }
                x += widths[i];
            }
            y -= height;
            line(MARGIN, y, MARGIN + width, y, RULE);
            drawn += take;
        }
    }

    /** Empty vertical space, in points. */
    public PdfPages space(float points) {
        y -= points;
        return this;
    }

    /** Finishes the document: footers on every page; returns the PDF's bytes. */
    public byte[] finish() {
        try {
            out.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    out = s;
                    line(MARGIN, MARGIN + 14, MARGIN + width, MARGIN + 14, RULE);
                    text(clip(footer, 7.5f, width - 80), MARGIN, MARGIN + 2, 7.5f, MUTED, false);
                    String n = "Page " + (i + 1) + " of " + pages;
                    text(n, MARGIN + width - textWidth(n, 7.5f), MARGIN + 2, 7.5f, MUTED, false);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            document.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lines(String text, float size, Color color, boolean bold, float indent, float available) {
        List<String> wrapped = wrap(text, size, available);
        float leading = size * (bold ? 1.3f : 1.35f);
        for (String line : wrapped) {
            ensure(leading);
            y -= size;
            text(line, MARGIN + indent, y, size, color, bold);
            y -= leading - size;
        }
    }

    private void ensure(float height) {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks text into lines that fit the width: at spaces, within words only when a word is wider than a line. */
    List<String> wrap(String text, float size, float available) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String paragraph : clean(text).split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (textWidth(candidate, size) <= available) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                int cut = fitting(rest, size, available);
                while (cut < rest.length()) {
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                    cut = fitting(rest, size, available);
                }
                current.append(rest);
            }
            lines.add(current.toString());
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    /** How many chars of the text (whole code points, at least one) fit the width: one pass, adding up advances. */
    private int fitting(String text, float size, float available) {
        float limit = available * 1000 / size;
        float units = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            units += advance(cp);
            if (units > limit && i > 0) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private String clip(String text, float size, float available) {
        String t = clean(text).replace('\n', ' ');
        if (textWidth(t, size) <= available) {
            return t;
        }
        while (t.length() > 1 && textWidth(t + "…", size) > available) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Text the font can draw: tabs become spaces, other control characters go, glyphs it lacks become "?". */
    private String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (drawable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean drawable(int codePoint) {
        return drawable.computeIfAbsent(codePoint, cp -> {
            try {
                // Encoding fails for a character the embedded font has no glyph for.
                return font.encode(new String(Character.toChars(cp))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** The width of (cleaned) text: the sum of its glyphs' advances, each measured once per document. */
    private float textWidth(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += advance(cp);
            i += Character.charCount(cp);
        }
        return units / 1000 * size;
    }

    private float advance(int codePoint) {
        return advances.computeIfAbsent(codePoint, cp -> {
            try {
                return font.getStringWidth(new String(Character.toChars(cp)));
            } catch (IOException | IllegalArgumentException e) {
                return 600f;
            }
        });
    }

    private void text(String text, float x, float baseline, float size, Color color, boolean bold) {
        if (text.isEmpty()) {
            return;
        }
        try {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            if (bold) {
                out.setStrokingColor(color);
                out.setLineWidth(size * 0.035f);
                out.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                out.setRenderingMode(RenderingMode.FILL);
            }
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rectangle(float x, float yBottom, float w, float h, Color fill, Color stroke) {
        try {
            out.setNonStrokingColor(fill);
            out.addRect(x, yBottom, w, h);
            out.fill();
            if (stroke != null) {
                out.setStrokingColor(stroke);
                out.setLineWidth(0.6f);
                out.addRect(x, yBottom, w, h);
                out.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, Color color) {
        try {
            out.setStrokingColor(color);
            out.setLineWidth(0.5f);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
