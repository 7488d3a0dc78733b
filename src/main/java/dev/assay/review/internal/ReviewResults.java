package dev.assay.review.internal;

import dev.assay.invitation.InvitationView;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScoredSubmission;
import dev.assay.review.port.ScoredWork;
import dev.assay.staff.StaffMember;
import dev.assay.staff.port.StaffDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review module's port to ranking: scores without identities (ranking never stores a name), and the
 * identities separately once the review is closed. A fixed number of queries per call, however many
 * submissions the assessment has.
 */
@Component
@Transactional(readOnly = true)
class ReviewResults implements ScoredWork {

    private final ReviewPanelRepository panels;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final ReconciliationRepository reconciliations;
    private final ScoreAgreement agreement;
    private final ScoresVersions versions;
    private final StaffDirectory staff;
    private final CandidateRecords candidates;

    ReviewResults(ReviewPanelRepository panels, SubmissionRepository submissions, AssignmentRepository assignments,
            ReconciliationRepository reconciliations, ScoreAgreement agreement, ScoresVersions versions,
            StaffDirectory staff, CandidateRecords candidates) {
        this.panels = panels;
        this.submissions = submissions;
        this.assignments = assignments;
        this.reconciliations = reconciliations;
        this.agreement = agreement;
        this.versions = versions;
        this.staff = staff;
        this.candidates = candidates;
    }

    @Override
    public List<ScoredSubmission> scores(long assessmentId) {
        return scored(submissions.findByAssessmentIdOrderBySubmittedAtAscIdAsc(assessmentId));
    }

    @Override
    public Optional<ScoredSubmission> scored(long submissionId) {
        return submissions.findById(submissionId).map(s -> scored(List.of(s)).getFirst());
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

    private List<ScoredSubmission> scored(List<Submission> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<Long> ids = all.stream().map(Submission::getId).toList();
        Map<Long, List<Assignment>> bySubmission = assignments.findBySubmissionIdIn(ids).stream()
                .filter(Assignment::isActive).collect(Collectors.groupingBy(Assignment::getSubmissionId));
        Set<Long> reviewerIds = new HashSet<>();
        bySubmission.values().forEach(l -> l.forEach(a -> reviewerIds.add(a.getReviewerId())));
        Map<Long, String> names = reviewerIds.isEmpty() ? Map.of() : staff.accounts(reviewerIds).stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
        // Every active review's latest submitted revision in one query, not one per submission.
        Map<Assignment, ScorecardRevision> latest = agreement.latestSubmitted(bySubmission.values().stream()
                .flatMap(List::stream).toList());
        Map<Long, List<Reconciliation>> reconciled = reconciliations.findBySubmissionIdInOrderByIdAsc(ids).stream()
                .collect(Collectors.groupingBy(Reconciliation::getSubmissionId));
        return all.stream().map(s -> {
            List<Assignment> active = bySubmission.getOrDefault(s.getId(), List.of());
            List<ScoredSubmission.ReviewerScores> reviews = active.stream().filter(latest::containsKey)
                    .map(a -> new ScoredSubmission.ReviewerScores(a.getReviewerId(),
                            names.getOrDefault(a.getReviewerId(), "Reviewer " + a.getReviewerId()),
                            latest.get(a).getRevision(), latest.get(a).cells(), latest.get(a).getOverallComment()))
                    .toList();
            List<ScoreCell> agreed = reconciled.getOrDefault(s.getId(), List.of()).stream()
                    .flatMap(r -> r.getLevels().stream())
                    .map(l -> new ScoreCell(l.getTaskPosition(), l.getCriterionKey(), l.getLevel(), "")).toList();
            return new ScoredSubmission(s.getId(), s.getAttemptId(), s.getInvitationId(), s.getCandidateCode(),
                    s.isFlagged(), s.getResolution(), s.getResolutionReason(), reviews, agreed,
                    active.size() - reviews.size());
        }).toList();
    }
}
