package dev.assay.fairness;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;

import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.StaffMember;
import dev.assay.taskbank.AssessmentView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A small reviewed round whose adverse-impact figures can be worked out by hand: twelve candidates, one reviewer
 * who gives each the same level on every criterion (so each adjusted score is that level), the candidates'
 * answers and a recruiter's decisions.
 *
 * <pre>
 *   #  sex     race      level  decision
 *   0  Female  Asian     5      advance
 *   1  Female  Asian     4      hold
 *   2  Female  Asian     2      decline
 *   3  Female  White     2      decline
 *   4  Female  White     1      decline
 *   5  Female  White     1      decline
 *   6  Male    White     5      advance
 *   7  Male    White     5      advance
 *   8  Male    White     4      advance
 *   9  Male    White     4      hold
 *  10  Male    (prefer not to say)  3  decline
 *  11  (did not answer)  3      decline
 * </pre>
 * Median adjusted score 3.5. Selection by sex: women 1 of 6, men 3 of 5 (ratio 5/18), 1 unknown; scoring:
 * women 2 of 6, men 4 of 5 (ratio 10/24). By race only White reaches five people; every intersection is too
 * small. The added question (veteran status, in the test configuration): candidates 0–4 are not protected
 * veterans (1 of 5 advanced), 5–9 are (3 of 5), 10 prefers not to say, 11 did not answer.
 */
@Component
public class FairnessFixtures {

    public record Round(AssessmentView assessment, List<ReviewFixtures.Submitted> candidates) {
    }

    private static final String[][] ROWS = {
            {"FEMALE", "ASIAN", "5", "ADVANCE"}, {"FEMALE", "ASIAN", "4", "HOLD"}, {"FEMALE", "ASIAN", "2", "DECLINE"},
            {"FEMALE", "WHITE", "2", "DECLINE"}, {"FEMALE", "WHITE", "1", "DECLINE"},
            {"FEMALE", "WHITE", "1", "DECLINE"}, {"MALE", "WHITE", "5", "ADVANCE"}, {"MALE", "WHITE", "5", "ADVANCE"},
            {"MALE", "WHITE", "4", "ADVANCE"}, {"MALE", "WHITE", "4", "HOLD"}, {"MALE", "DECLINED", "3", "DECLINE"},
            {null, null, "3", "DECLINE"}};

    private final ReviewFixtures fixtures;
    private final PanelService panels;
    private final ReviewService reviews;
    private final DecisionService decisions;
    private final JdbcTemplate jdbc;

    FairnessFixtures(ReviewFixtures fixtures, PanelService panels, ReviewService reviews, DecisionService decisions,
            JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.panels = panels;
        this.reviews = reviews;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    public Round round() {
        AssessmentView a = fixtures.assessment();
        StaffMember reviewer = fixtures.reviewer("Fairness Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 20, -1));
        List<ReviewFixtures.Submitted> candidates = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        for (int i = 0; i < ROWS.length; i++) {
            ReviewFixtures.Submitted s = fixtures.submit(a, "Fair Candidate " + (char) ('a' + i));
            candidates.add(s);
            levels.put(s.code(), Integer.parseInt(ROWS[i][2]));
            String veteran = i < 5 ? "Not a protected veteran" : i < 10 ? "Protected veteran"
                    : i == 10 ? "Prefer not to say" : null;
            if (veteran != null) {
                jdbc.update("INSERT INTO self_identification_extra (invitation_id, question_key, assessment_id, answer) "
                        + "VALUES (?, 'veteran', ?, ?)", s.invitationId(), a.id(), veteran);
            }
            if (ROWS[i][0] != null) {
                jdbc.update("INSERT INTO self_identification (invitation_id, assessment_id, sex, race_ethnicity, "
                        + "answered_at) VALUES (?, ?, ?, ?, ?)", s.invitationId(), a.id(), ROWS[i][0], ROWS[i][1],
                        Timestamp.from(Instant.now()));
            }
        }
        for (QueueItem item : as(reviewer, () -> reviews.queue())) {
            fixtures.scoreAll(reviewer, item.assignmentId(), levels.get(item.candidateCode()), "Scored.");
        }
        Map<Long, Long> submissionOf = new HashMap<>();
        jdbc.query("SELECT id, invitation_id FROM review_submission WHERE assessment_id = ?",
                rs -> {
                    submissionOf.put(rs.getLong(2), rs.getLong(1));
                }, a.id());
        for (Outcome outcome : Outcome.values()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ROWS.length; i++) {
                if (ROWS[i][3].equals(outcome.name())) {
                    ids.add(submissionOf.get(candidates.get(i).invitationId()));
                }
            }
            recruiter(() -> decisions.record(a.id(), ids, outcome, null));
        }
        return new Round(a, candidates);
    }

    /** An open assessment nobody has taken yet. */
    public AssessmentView emptyRound() {
        return fixtures.assessment();
    }
}
