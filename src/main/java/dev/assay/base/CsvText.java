package dev.assay.base;

import java.util.List;

/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents), RFC 4180
 * quoting and CRLF line ends, and text cells that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab) prefixed with an apostrophe; plain numbers, negative ones included, stay numbers.
 */
public final class CsvText {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    /** Appends one row. */
    public CsvText row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i) == null ? "" : cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell, quoted and defused as needed. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
