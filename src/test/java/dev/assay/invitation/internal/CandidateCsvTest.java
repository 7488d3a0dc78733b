package dev.assay.invitation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.invitation.InvitationException.RowProblem;
import org.junit.jupiter.api.Test;

class CandidateCsvTest {

    @Test
    void goodRowsAreReadWithQuotedCommasAndTheOptionalAccommodation() {
        String csv = "\uFEFFname,email,accommodation_percent\r\n"
                + "\"Okafor, Ada\",ada@example.com,25\r\n"
                + "\r\n"
                + "Ben \"B\" Ng,BEN@example.com,\n";

        CandidateCsv.Result result = CandidateCsv.read(csv, 200, true);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactly(
                new CandidateCsv.Row(2, "Okafor, Ada", "ada@example.com", 25),
                new CandidateCsv.Row(4, "Ben \"B\" Ng", "BEN@example.com", 0));
    }

    @Test
    void everyBadRowIsReportedWithItsLineNumberAndReason() {
        String csv = """
                name,email
                Ada,ada@example.com
                ,missing-name@example.com
                Bad Email,not-an-email
                Again,ADA@example.com
                Too,many,fields
                "Multi
                line",multi@example.com
                Fine,fine@example.com
                """;

        CandidateCsv.Result result = CandidateCsv.read(csv, 200, true);

        assertThat(result.problems()).extracting(RowProblem::toString).containsExactly(
                "Line 3: missing name",
                "Line 4: 'not-an-email' is not a valid email address",
                "Line 5: duplicate: ada@example.com is already on line 2",
                "Line 6: expected 2 fields (name,email) but found 3",
                "Line 7: name contains an invisible or control character (U+000A line feed (lf)) at position 6; "
                        + "retype it without hidden characters");
        assertThat(result.rows()).extracting(CandidateCsv.Row::line).containsExactly(2, 9);
    }

    @Test
    void aWrongHeaderAnEmptyFileAndDisallowedExtraTimeAreExplained() {
        assertThat(CandidateCsv.read("email,name\na@b.co,A\n", 200, true).problems()).extracting(RowProblem::message)
                .containsExactly("the header must be name,email or name,email,accommodation_percent (found email,name)");
        assertThat(CandidateCsv.read("", 200, true).problems()).extracting(RowProblem::line).containsExactly(1);
        assertThat(CandidateCsv.read("name,email\n", 200, true).problems()).extracting(RowProblem::message)
                .containsExactly("there are no candidates below the header");
        assertThat(CandidateCsv.read("name,email,accommodation_percent\nA,a@b.co,50\nB,b@b.co,lots\n", 200, false)
                .problems()).extracting(RowProblem::toString).containsExactly(
                        "Line 2: this assessment does not allow extra time",
                        "Line 3: accommodation_percent 'lots' is not a whole number");
    }

    @Test
    void anUnclosedQuoteIsReported() {
        assertThat(CandidateCsv.read("name,email\n\"Ada,ada@example.com\n", 200, true).problems())
                .extracting(RowProblem::message).contains("a quoted field is never closed");
    }

    @Test
    void namesWithInvisibleOrControlCharactersAreRefusedByLine() {
        String csv = "name,email\nAda\u202EOkafor,ada@example.com\nBen\u200BNg,ben@example.com\nCara\u0007,cara@example.com\n"
                + "Darius Mohammadi\u200C,darius@example.com\n";

        CandidateCsv.Result result = CandidateCsv.read(csv, 200, true);

        assertThat(result.problems()).extracting(RowProblem::line).containsExactly(2, 3, 4);
        assertThat(result.problems().getFirst().message()).contains("U+202E").contains("right-to-left override");
    }
}
