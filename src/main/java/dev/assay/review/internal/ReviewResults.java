package dev.assay.review.internal;

import dev.assay.invitation.InvitationView;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.Resolution;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScoredSubmission;
import dev.assay.review.port.ScoredWork;
import dev.assay.staff.StaffMember;
import dev.assay.staff.port.StaffDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review module's port to ranking: scores without identities (ranking never stores a name), and the
 * identities separately once the review is closed. A fixed number of queries per call, however many
 * submissions the assessment has, read with plain JDBC.
 */
@Component
@Transactional(readOnly = true)
class ReviewResults implements ScoredWork {

    private final ReviewPanelRepository panels;
    private final SubmissionRepository submissions;
    private final ScoresVersions versions;
    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final CandidateRecords candidates;

    private final CollaborationSummaries summaries;

    ReviewResults(ReviewPanelRepository panels, SubmissionRepository submissions, ScoresVersions versions,
            JdbcTemplate jdbc,
            StaffDirectory staff, CandidateRecords candidates, CollaborationSummaries summaries) {
        this.summaries = summaries;
        this.panels = panels;
        this.submissions = submissions;
        this.versions = versions;
        this.jdbc = jdbc;
        this.staff = staff;
        this.candidates = candidates;
    }

    @Override
    public List<ScoredSubmission> scores(long assessmentId) {
        return read("s.assessment_id = ?", assessmentId);
    }

    @Override
    public Optional<ScoredSubmission> scored(long submissionId) {
        return read("s.id = ?", submissionId).stream().findFirst();
    }

    @Override
    public Optional<Long> assessmentOf(long submissionId) {
        return submissions.findById(submissionId).map(Submission::getAssessmentId);
    }

    @Override
    public long scoresVersion(long assessmentId) {
        return versions.current(assessmentId);
    }

    @Override
    public boolean reviewClosed(long assessmentId) {
        return panels.findById(assessmentId).map(ReviewPanel::isClosed).orElse(false);
    }

    @Override
    public Map<Long, dev.assay.review.CollaborationSummary> collaborationSummaries(long assessmentId) {
        return summaries.byAssessment(assessmentId);
    }

    @Override
    public Map<Long, Intake> intakes(long assessmentId) {
        return submissions.findByAssessmentIdOrderBySubmittedAtAscIdAsc(assessmentId).stream()
                .collect(Collectors.toMap(Submission::getId, s -> new Intake(s.getInvitationId(), s.getSubmittedAt())));
    }

    @Override
    public Map<Long, Identity> identities(long assessmentId) {
        if (!reviewClosed(assessmentId)) {
            return Map.of();
        }
        List<Submission> all = submissions.findByAssessmentIdOrderBySubmittedAtAscIdAsc(assessmentId);
        Map<Long, InvitationView> people = candidates.identities(all.stream().map(Submission::getInvitationId).toList());
        return all.stream().filter(s -> people.containsKey(s.getInvitationId())).collect(Collectors.toMap(
                Submission::getId, s -> new Identity(people.get(s.getInvitationId()).name(),
                        people.get(s.getInvitationId()).email())));
    }

    /**
     * The submissions matching {@code where} (on {@code review_submission s}) with their latest submitted
     * scorecards and reconciled levels, in six queries however many there are: reading them as entities cost
     * one query per scorecard for its levels (2.3 s for 10,000 candidates).
     */
    private List<ScoredSubmission> read(String where, long key) {
        record Row(long id, long attemptId, long invitationId, String code, boolean flagged, String resolution,
                String reason) {
        }
        List<Row> rows = jdbc.query("SELECT s.id, s.attempt_id, s.invitation_id, s.candidate_code, s.flagged_at, "
                + "s.resolution, s.resolution_reason FROM review_submission s WHERE " + where
                + " ORDER BY s.submitted_at, s.id", (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getTimestamp(5) != null, rs.getString(6), rs.getString(7)), key);
        if (rows.isEmpty()) {
            return List.of();
        }
        // Active reviews: assignment id -> {submission id, reviewer id}, in assignment order.
        Map<Long, long[]> active = new LinkedHashMap<>();
        jdbc.query("SELECT a.id, a.submission_id, a.reviewer_id FROM review_assignment a JOIN review_submission s "
                + "ON s.id = a.submission_id WHERE " + where + " AND a.status <> 'WITHDRAWN' AND a.calibration_item_id IS NULL ORDER BY a.id",
                (RowCallbackHandler) rs -> active.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}), key);
        // The latest submitted revision of each active review.
        Map<Long, Object[]> latest = new HashMap<>();
        jdbc.query("SELECT r.assignment_id, r.id, r.revision, r.overall_comment FROM scorecard_revision r "
                + "JOIN review_assignment a ON a.id = r.assignment_id JOIN review_submission s ON s.id = a.submission_id "
                + "WHERE " + where + " AND a.status <> 'WITHDRAWN' AND a.calibration_item_id IS NULL AND r.status = 'SUBMITTED'", (RowCallbackHandler) rs -> {
                    Object[] known = latest.get(rs.getLong(1));
                    if (known == null || (int) known[1] < rs.getInt(3)) {
                        latest.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getInt(3), rs.getString(4)});
                    }
                }, key);
        Map<Long, List<ScoreCell>> levels = new HashMap<>();
        latest.values().forEach(v -> levels.put((Long) v[0], new ArrayList<>()));
        jdbc.query("SELECT c.revision_id, c.task_position, c.criterion_key, c.score_level FROM scorecard_score c "
                + "JOIN scorecard_revision r ON r.id = c.revision_id JOIN review_assignment a ON a.id = r.assignment_id "
                + "JOIN review_submission s ON s.id = a.submission_id WHERE " + where
                + " AND a.status <> 'WITHDRAWN' AND a.calibration_item_id IS NULL AND r.status = 'SUBMITTED' ORDER BY c.revision_id, c.task_position",
                (RowCallbackHandler) rs -> {
                    List<ScoreCell> cells = levels.get(rs.getLong(1));
                    if (cells != null) {
                        cells.add(new ScoreCell(rs.getInt(2), rs.getString(3), rs.getInt(4), ""));
                    }
                }, key);
        Map<Long, List<ScoreCell>> reconciled = new HashMap<>();
        jdbc.query("SELECT r.submission_id, c.task_position, c.criterion_key, c.score_level FROM reconciled_score c "
                + "JOIN reconciliation r ON r.id = c.reconciliation_id JOIN review_submission s ON s.id = r.submission_id "
                + "WHERE " + where + " ORDER BY r.id", (RowCallbackHandler) rs -> reconciled
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ScoreCell(rs.getInt(2), rs.getString(3), rs.getInt(4), "")), key);
        Set<Long> reviewerIds = new HashSet<>();
        active.values().forEach(v -> reviewerIds.add(v[1]));
        Map<Long, String> names = reviewerIds.isEmpty() ? Map.of() : staff.accounts(reviewerIds).stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
        Map<Long, List<ScoredSubmission.ReviewerScores>> reviews = new HashMap<>();
        Map<Long, Integer> assigned = new HashMap<>();
        active.forEach((assignment, v) -> {
            assigned.merge(v[0], 1, Integer::sum);
            Object[] revision = latest.get(assignment);
            if (revision != null) {
                reviews.computeIfAbsent(v[0], k -> new ArrayList<>()).add(new ScoredSubmission.ReviewerScores(v[1],
                        names.getOrDefault(v[1], "Reviewer " + v[1]), (int) revision[1],
                        List.copyOf(levels.get((Long) revision[0])), revision[2] == null ? "" : (String) revision[2]));
            }
        });
        return rows.stream().map(r -> {
            List<ScoredSubmission.ReviewerScores> in = reviews.getOrDefault(r.id(), List.of());
            return new ScoredSubmission(r.id(), r.attemptId(), r.invitationId(), r.code(), r.flagged(),
                    r.resolution() == null ? null : Resolution.valueOf(r.resolution()), r.reason(), in,
                    reconciled.getOrDefault(r.id(), List.of()), assigned.getOrDefault(r.id(), 0) - in.size());
        }).toList();
    }
}
