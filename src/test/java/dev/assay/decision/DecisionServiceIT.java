package dev.assay.decision;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Recording, changing and reading decisions; the audit trail; who may. */
class DecisionServiceIT extends DatabaseTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    JdbcTemplate jdbc;

    private record Round(long assessmentId, List<Long> submissions) {
    }

    private Round round(int candidates) {
        AssessmentView a = fixtures.assessment();
        var reviewer = fixtures.reviewer("Decision Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        for (int i = 0; i < candidates; i++) {
            fixtures.submit(a, "Dana Decided" + (char) ('a' + i));
        }
        return new Round(a.id(), jdbc.queryForList("SELECT id FROM review_submission WHERE assessment_id = ? ORDER BY id",
                Long.class, a.id()));
    }

    private long audited(String action, long submissionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ?", Long.class,
                action, "submission " + submissionId);
    }

    @Test
    @WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
    void aSelectionIsDecidedOnceAndAChangeNeedsAReasonAndKeepsTheHistory() {
        Round r = round(3);
        long first = r.submissions().get(0);
        long second = r.submissions().get(1);

        assertThat(decisions.record(r.assessmentId(), List.of(first, second), Outcome.ADVANCE, " ")).isEqualTo(2);
        assertThat(decisions.current(r.assessmentId())).containsOnlyKeys(first, second)
                .allSatisfy((id, d) -> {
                    assertThat(d.outcome()).isEqualTo(Outcome.ADVANCE);
                    assertThat(d.reason()).isNull();
                    assertThat(d.decidedBy()).isEqualTo("rhea@assay.example");
                });
        assertThat(audited("decision.recorded", first)).isEqualTo(1);
        assertThat(audited("decision.recorded", second)).isEqualTo(1);

        // The same outcome again changes nothing.
        assertThat(decisions.record(r.assessmentId(), List.of(first), Outcome.ADVANCE, null)).isZero();
        assertThat(decisions.history(first)).hasSize(1);

        // A change without a reason is refused, and nothing is written for any of the selection.
        long third = r.submissions().get(2);
        assertThatThrownBy(() -> decisions.record(r.assessmentId(), List.of(third, first), Outcome.DECLINE, ""))
                .isInstanceOf(DecisionException.class).hasMessageContaining("Give a reason");
        assertThat(decisions.history(third)).isEmpty();

        assertThat(decisions.record(r.assessmentId(), List.of(first), Outcome.DECLINE, "Portfolio did not match."))
                .isEqualTo(1);
        assertThat(decisions.history(first)).extracting(Decision::outcome)
                .containsExactly(Outcome.ADVANCE, Outcome.DECLINE);
        assertThat(decisions.current(r.assessmentId()).get(first).reason()).isEqualTo("Portfolio did not match.");
        assertThat(audited("decision.changed", first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reason FROM audit_entry WHERE action = 'decision.changed' AND subject = ?",
                String.class, "submission " + first)).isEqualTo("Portfolio did not match.");
    }

    @Test
    @WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
    void aCandidateOfAnotherAssessmentIsRefusedAndNothingIsWritten() {
        Round mine = round(1);
        Round other = round(1);
        assertThatThrownBy(() -> decisions.record(mine.assessmentId(),
                List.of(mine.submissions().getFirst(), other.submissions().getFirst()), Outcome.HOLD, null))
                .isInstanceOf(DecisionException.class).hasMessageContaining("not part of this assessment");
        assertThat(decisions.current(mine.assessmentId())).isEmpty();
        assertThatThrownBy(() -> decisions.record(mine.assessmentId(), List.of(), Outcome.HOLD, null))
                .isInstanceOf(DecisionException.class);
        assertThatThrownBy(() -> decisions.record(mine.assessmentId(), List.of(mine.submissions().getFirst()), null,
                null)).isInstanceOf(DecisionException.class);
        assertThatThrownBy(() -> decisions.record(mine.assessmentId(), List.of(mine.submissions().getFirst()),
                Outcome.HOLD, "x".repeat(DecisionService.MAX_REASON + 1))).isInstanceOf(DecisionException.class);
    }

    @Test
    @WithMockUser(username = "vera@assay.example", roles = "REVIEWER")
    void reviewersCannotDecide() {
        assertThatThrownBy(() -> decisions.record(1, List.of(1L), Outcome.ADVANCE, null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> decisions.current(1)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
