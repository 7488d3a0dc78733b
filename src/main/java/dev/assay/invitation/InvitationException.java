package dev.assay.invitation;

import java.util.List;

/** A refused invitation request, with every bad CSV row when a bulk import is refused. */
public class InvitationException extends RuntimeException {

    private final List<RowProblem> rows;

    public InvitationException(String message) {
        this(message, List.of());
    }

    public InvitationException(String message, List<RowProblem> rows) {
        super(message);
        this.rows = List.copyOf(rows);
    }

    public List<RowProblem> rows() {
        return rows;
    }

    /** One bad row of a CSV file: its line number in the file and what is wrong with it. */
    public record RowProblem(int line, String message) {
        @Override
        public String toString() {
            return "Line " + line + ": " + message;
        }
    }
}
