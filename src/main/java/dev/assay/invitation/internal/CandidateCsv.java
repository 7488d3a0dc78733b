package dev.assay.invitation.internal;

import dev.assay.invitation.InvitationException.RowProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a candidate list: a header {@code name,email} or {@code name,email,accommodation_percent}, then one
 * candidate per line. Quoted fields (RFC 4180) may hold commas, quotes and line breaks. Every bad row is
 * reported with the line it starts on; nothing is accepted unless every row is good.
 */
public final class CandidateCsv {

    public static final int MAX_ROWS = 20_000;

    /** A good row: where it starts in the file and what it says. */
    public record Row(int line, String name, String email, int accommodationPercent) {
    }

    /** The rows read and every problem found; the file is usable only if there are no problems. */
    public record Result(List<Row> rows, List<RowProblem> problems) {
    }

    private CandidateCsv() {
    }

    public static Result read(String text, int maxAccommodation, boolean accommodationsAllowed) {
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Record> records = split(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (records.isEmpty()) {
            problems.add(new RowProblem(1, "the file is empty; the first line must be the header name,email"));
            return new Result(rows, problems);
        }
        Record header = records.getFirst();
        List<String> columns = header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        boolean withAccommodation = columns.equals(List.of("name", "email", "accommodation_percent"));
        if (!withAccommodation && !columns.equals(List.of("name", "email"))) {
            problems.add(new RowProblem(header.line(), "the header must be name,email or "
                    + "name,email,accommodation_percent (found " + String.join(",", header.fields()) + ")"));
            return new Result(rows, problems);
        }
        if (records.size() - 1 > MAX_ROWS) {
            problems.add(new RowProblem(header.line(), String.format("a file can hold at most %,d candidates (it has %,d)",
                    MAX_ROWS, records.size() - 1)));
            return new Result(rows, problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Record r : records.subList(1, records.size())) {
            List<String> f = r.fields();
            if (f.size() != columns.size()) {
                problems.add(new RowProblem(r.line(), "expected " + columns.size() + " fields (" + String.join(",", columns)
                        + ") but found " + f.size()));
                continue;
            }
            String name = f.get(0).strip();
            String email = f.get(1).strip();
            List<String> wrong = new ArrayList<>();
            if (name.isEmpty()) {
                wrong.add("missing name");
            } else if (name.length() > 200) {
                wrong.add("name is longer than 200 characters");
            } else if (dev.assay.base.PlainText.problem(name).isPresent()) {
                wrong.add("name " + dev.assay.base.PlainText.problem(name).get());
            }
            if (email.isEmpty()) {
                wrong.add("missing email");
            } else if (!Emails.isValid(email)) {
                wrong.add("'" + shorten(email) + "' is not a valid email address");
            } else {
                Integer first = seen.putIfAbsent(Emails.key(email), r.line());
                if (first != null) {
                    wrong.add("duplicate: " + Emails.key(email) + " is already on line " + first);
                }
            }
            int accommodation = 0;
            if (withAccommodation && !f.get(2).isBlank()) {
                try {
                    accommodation = Integer.parseInt(f.get(2).strip().replace("%", ""));
                    if (accommodation < 0 || accommodation > maxAccommodation) {
                        wrong.add("accommodation_percent must be from 0 to " + maxAccommodation);
                    } else if (accommodation > 0 && !accommodationsAllowed) {
                        wrong.add("this assessment does not allow extra time");
                    }
                } catch (NumberFormatException e) {
                    wrong.add("accommodation_percent '" + shorten(f.get(2).strip()) + "' is not a whole number");
                }
            }
            if (wrong.isEmpty()) {
                rows.add(new Row(r.line(), name, email.strip(), accommodation));
            } else {
                problems.add(new RowProblem(r.line(), String.join("; ", wrong)));
            }
        }
        if (records.size() == 1 && problems.isEmpty()) {
            problems.add(new RowProblem(header.line(), "there are no candidates below the header"));
        }
        return new Result(rows, problems);
    }

    private record Record(int line, List<String> fields) {
    }

    /** Splits text into records of fields, keeping the line each record starts on and skipping blank lines. */
    private static List<Record> split(String text, List<RowProblem> problems) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                fieldStarted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, fieldStarted, recordLine);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            problems.add(new RowProblem(recordLine, "a quoted field is never closed"));
        }
        endRecord(records, fields, field, fieldStarted, recordLine);
        return records;
    }

    private static void endRecord(List<Record> records, List<String> fields, StringBuilder field, boolean started,
            int line) {
        if (!started && fields.isEmpty() && field.toString().isBlank()) {
            return;
        }
        List<String> all = new ArrayList<>(fields);
        all.add(field.toString());
        records.add(new Record(line, all));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
