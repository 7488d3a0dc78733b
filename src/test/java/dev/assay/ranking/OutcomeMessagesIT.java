package dev.assay.ranking;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.fairness.FairnessFixtures;
import dev.assay.review.PanelService;
import dev.assay.review.ReviewException;
import dev.assay.support.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Telling candidates the outcome: only after the review is closed, only candidates with the decision the message is
 * about, one personalised message each in the outbox, each audited.
 */
class OutcomeMessagesIT extends DatabaseTest {

    @Autowired
    RankingService rankings;

    @Autowired
    DecisionService decisions;

    @Autowired
    PanelService panels;

    @Autowired
    FairnessFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void declinedCandidatesGetOnePersonalMessageEachOnceTheReviewIsClosed() {
        FairnessFixtures.Round round = fixtures.round();
        long id = round.assessment().id();
        Map<Long, dev.assay.decision.Decision> current = recruiter(() -> decisions.current(id));
        List<Long> declined = current.values().stream().filter(d -> d.outcome() == Outcome.DECLINE)
                .map(dev.assay.decision.Decision::submissionId).toList();
        List<Long> advanced = current.values().stream().filter(d -> d.outcome() == Outcome.ADVANCE)
                .map(dev.assay.decision.Decision::submissionId).toList();
        assertThat(declined).hasSize(6);

        assertThatThrownBy(() -> recruiter(() -> rankings.tellCandidates(id, declined, Outcome.DECLINE, "S", "B")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Close the review first");
        recruiter(() -> {
            panels.closeReview(id);
            return null;
        });
        List<Long> mixed = List.of(declined.getFirst(), advanced.getFirst());
        assertThatThrownBy(() -> recruiter(() -> rankings.tellCandidates(id, mixed, Outcome.DECLINE, "S", "B")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("1 selected candidate does not have");

        long before = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message", Long.class);
        int queued = recruiter(() -> rankings.tellCandidates(id, declined, Outcome.DECLINE, "About {name}'s assessment",
                "Dear {name},\n\nThank you."));
        assertThat(queued).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message", Long.class)).isEqualTo(before + 6);
        List<Map<String, Object>> messages = jdbc.queryForList("SELECT m.subject, m.recipient, i.candidate_name "
                + "FROM outbox_message m JOIN invitation i ON i.id = m.invitation_id WHERE i.assessment_id = ? "
                + "AND m.subject LIKE 'About %'", id);
        assertThat(messages).hasSize(6).allSatisfy(m -> assertThat(m.get("subject"))
                .isEqualTo("About " + m.get("candidate_name") + "'s assessment"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'candidate.outcome_queued' "
                + "AND details = 'Outcome message queued: About {name}''s assessment'", Long.class)).isEqualTo(6);
    }
}
