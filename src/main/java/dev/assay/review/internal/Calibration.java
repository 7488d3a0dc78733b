package dev.assay.review.internal;

import dev.assay.audit.port.AuditTrail;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.CalibrationGrade;
import dev.assay.review.CalibrationStatus;
import dev.assay.review.PanelRules;
import dev.assay.review.ScoreCell;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer side of calibration: rounds of the calibration set (every active item of the assessment, scored
 * through the ordinary scoring page), the pass rule, hidden drift checks slipped among live reviews, and grading
 * against the key. Takes are {@code review_assignment} rows naming their item; they never count toward the source
 * submission. Callers have checked who may act.
 */
@Component
@Transactional
public class Calibration {

    private final CalibrationItemRepository items;
    private final AssignmentRepository assignments;
    private final ScorecardRevisionRepository revisions;
    private final ReviewPanelRepository panels;
    private final AssessmentCatalog assessments;
    private final AuditTrail audit;
    private final Clock clock;
    private RandomGenerator random = new SecureRandom();

    Calibration(CalibrationItemRepository items, AssignmentRepository assignments,
            ScorecardRevisionRepository revisions, ReviewPanelRepository panels, AssessmentCatalog assessments,
            AuditTrail audit, Clock clock) {
        this.items = items;
        this.assignments = assignments;
        this.revisions = revisions;
        this.panels = panels;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /** For tests: the source of the drift draw. */
    void random(RandomGenerator random) {
        this.random = random;
    }

    public List<CalibrationItem> activeItems(long assessmentId) {
        return items.findByAssessmentIdOrderByIdAsc(assessmentId).stream().filter(CalibrationItem::isActive).toList();
    }

    public static List<CalibrationGrade.Key> keyOf(CalibrationItem item) {
        return item.getKeys().stream()
                .sorted(Comparator.comparingInt(CalibrationItem.Key::getTaskPosition)
                        .thenComparing(CalibrationItem.Key::getCriterionKey))
                .map(k -> new CalibrationGrade.Key(new ScoreCell.Cell(k.getTaskPosition(), k.getCriterionKey()),
                        k.getLevel(), k.getRationale()))
                .toList();
    }

    /** The grade of a submitted take against its item's key, or null before it is submitted. */
    public CalibrationGrade grade(Assignment take) {
        if (take.getStatus() != AssignmentStatus.SUBMITTED) {
            return null;
        }
        List<ScorecardRevision> list = revisions.findByAssignmentIdOrderByRevisionAsc(take.getId());
        ScorecardRevision latest = list.stream().filter(ScorecardRevision::isSubmitted).reduce((a, b) -> b)
                .orElse(null);
        CalibrationItem item = items.findById(take.getCalibrationItemId()).orElseThrow();
        return latest == null ? null : CalibrationGrade.of(latest.cells(), keyOf(item));
    }

    /** A reviewer's takes of an assessment's calibration items (every item, retired ones too), oldest first. */
    public List<Assignment> takes(long reviewerId, long assessmentId) {
        Set<Long> ids = items.findByAssessmentIdOrderByIdAsc(assessmentId).stream().map(CalibrationItem::getId)
                .collect(Collectors.toSet());
        return assignments.findTakesByReviewer(reviewerId).stream()
                .filter(a -> ids.contains(a.getCalibrationItemId()) && a.isActive()).toList();
    }

    /** Where the reviewer stands with the assessment's gate. */
    @Transactional(readOnly = true)
    public CalibrationStatus status(long reviewerId, long assessmentId) {
        ReviewPanel panel = panels.findById(assessmentId).orElse(null);
        PanelRules rules = panel == null ? PanelRules.DEFAULT : panel.getRules();
        String title = assessments.summary(assessmentId).title();
        int itemCount = activeItems(assessmentId).size();
        Map<Integer, List<Assignment>> rounds = new TreeMap<>();
        takes(reviewerId, assessmentId).stream().filter(a -> a.getOrigin() == AssignmentOrigin.CALIBRATION)
                .forEach(a -> rounds.computeIfAbsent(a.getCalibrationRound(), r -> new ArrayList<>()).add(a));
        boolean passed = false;
        Instant passedAt = null;
        CalibrationGrade last = null;
        int open = 0;
        int current = 0;
        for (Map.Entry<Integer, List<Assignment>> round : rounds.entrySet()) {
            current = round.getKey();
            open = (int) round.getValue().stream().filter(a -> a.getStatus() != AssignmentStatus.SUBMITTED).count();
            if (open == 0) {
                last = CalibrationGrade.pooled(round.getValue().stream().map(this::grade).toList());
                if (!passed && last.passes(rules)) {
                    passed = true;
                    passedAt = round.getValue().stream().map(Assignment::getSubmittedAt).max(Comparator.naturalOrder())
                            .orElse(null);
                }
            }
        }
        return new CalibrationStatus(assessmentId, title, rules.calibrationRequired(), passed, current, open, itemCount,
                last, passedAt, rules);
    }

    /** The panel members who may see and be given live reviews now. */
    @Transactional(readOnly = true)
    public Set<Long> cleared(ReviewPanel panel) {
        if (!panel.getRules().calibrationRequired()) {
            return panel.getMembers();
        }
        return panel.getMembers().stream().filter(m -> status(m, panel.getAssessmentId()).passed())
                .collect(Collectors.toSet());
    }

    /** Gives every member who has not started calibration their first round. Returns the takes created. */
    public int openFirstRounds(ReviewPanel panel) {
        if (!panel.getRules().calibrationRequired() || panel.isClosed()) {
            return 0;
        }
        int created = 0;
        for (long member : panel.getMembers()) {
            boolean started = takes(member, panel.getAssessmentId()).stream()
                    .anyMatch(a -> a.getOrigin() == AssignmentOrigin.CALIBRATION);
            if (!started) {
                created += openRound(panel, member, 1);
            }
        }
        return created;
    }

    /** Starts the next round after a failed one. Refused unless the last round is complete and failed. */
    public void retake(long reviewerId, long assessmentId) {
        CalibrationStatus status = status(reviewerId, assessmentId);
        if (!status.canRetake()) {
            throw new dev.assay.review.ReviewException(status.passed() ? "You have already passed calibration."
                    : "Finish the examples of this round first.");
        }
        ReviewPanel panel = panels.findById(assessmentId).orElseThrow();
        openRound(panel, reviewerId, status.round() + 1);
    }

    private int openRound(ReviewPanel panel, long reviewer, int round) {
        Instant now = clock.instant();
        List<CalibrationItem> set = activeItems(panel.getAssessmentId());
        for (CalibrationItem item : set) {
            assignments.save(Assignment.take(item.getSourceSubmissionId(), reviewer, item.getId(), round, false, now,
                    now.plus(Duration.ofDays(panel.getDueDays()))));
        }
        if (!set.isEmpty()) {
            audit.record("calibration.round_opened", "assessment " + panel.getAssessmentId(), "Round " + round + " of "
                    + set.size() + " calibration items for reviewer #" + reviewer + ".", null);
        }
        return set.size();
    }

    /**
     * After a live review was assigned: with probability 1 / (the panel's drift setting), slips in a hidden
     * calibration item, the one this reviewer has seen least as a drift check (ties at random).
     */
    public Optional<Assignment> maybeDrift(ReviewPanel panel, long reviewer, long liveSubmissionId) {
        int every = panel.getRules().driftEvery();
        if (every <= 0 || random.nextInt(every) != 0) {
            return Optional.empty();
        }
        List<CalibrationItem> set = new ArrayList<>(activeItems(panel.getAssessmentId()).stream()
                .filter(i -> i.getSourceSubmissionId() != liveSubmissionId).toList());
        if (set.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> seen = new HashMap<>();
        takes(reviewer, panel.getAssessmentId()).stream().filter(a -> a.getOrigin() == AssignmentOrigin.DRIFT)
                .forEach(a -> seen.merge(a.getCalibrationItemId(), 1, Integer::sum));
        java.util.Collections.shuffle(set, java.util.Random.from(random));
        set.sort(Comparator.comparingInt(i -> seen.getOrDefault(i.getId(), 0)));
        CalibrationItem item = set.getFirst();
        Instant now = clock.instant();
        Assignment take = assignments.save(Assignment.take(item.getSourceSubmissionId(), reviewer, item.getId(), 0,
                true, now, now.plus(Duration.ofDays(panel.getDueDays()))));
        audit.record("calibration.drift_assigned", "assessment " + panel.getAssessmentId(), "Hidden calibration item "
                + item.getId() + " for reviewer #" + reviewer + ".", null);
        return Optional.of(take);
    }

    /**
     * Records the outcome of a submitted take. Returns true when it completed a passing round, so the caller can
     * give the reviewer live work.
     */
    public boolean afterSubmit(Assignment take) {
        CalibrationItem item = items.findById(take.getCalibrationItemId()).orElseThrow();
        long assessmentId = item.getAssessmentId();
        if (take.getOrigin() == AssignmentOrigin.DRIFT) {
            CalibrationGrade g = grade(take);
            audit.record("calibration.drift_scored", "assessment " + assessmentId, String.format(Locale.ROOT,
                    "Reviewer #%d on hidden item %d: %.0f%% within one level, largest miss %d.", take.getReviewerId(),
                    item.getId(), g.withinOne() * 100, g.largestMiss()), null);
            return false;
        }
        List<Assignment> round = takes(take.getReviewerId(), assessmentId).stream()
                .filter(a -> a.getOrigin() == AssignmentOrigin.CALIBRATION
                        && a.getCalibrationRound().equals(take.getCalibrationRound())).toList();
        if (round.stream().anyMatch(a -> a.getStatus() != AssignmentStatus.SUBMITTED)) {
            return false;
        }
        CalibrationGrade pooled = CalibrationGrade.pooled(round.stream().map(this::grade).toList());
        PanelRules rules = panels.findById(assessmentId).map(ReviewPanel::getRules).orElse(PanelRules.DEFAULT);
        boolean passed = pooled.passes(rules);
        audit.record(passed ? "calibration.passed" : "calibration.failed", "assessment " + assessmentId,
                String.format(Locale.ROOT, "Reviewer #%d, round %d: %.0f%% of %d cells within one level, largest "
                        + "miss %d (rule: %s).", take.getReviewerId(), take.getCalibrationRound(),
                        pooled.withinOne() * 100, pooled.cells().size(), pooled.largestMiss(), rules.passRule()), null);
        return passed;
    }

    /** Every panel member's calibration rounds and drift checks, for the recruiter. */
    @Transactional(readOnly = true)
    public Map<Long, List<Assignment>> takesByReviewer(long assessmentId) {
        Set<Long> ids = new HashSet<>(items.findByAssessmentIdOrderByIdAsc(assessmentId).stream()
                .map(CalibrationItem::getId).toList());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return assignments.findTakesByItems(ids).stream().filter(Assignment::isActive)
                .collect(Collectors.groupingBy(Assignment::getReviewerId, TreeMap::new, Collectors.toList()));
    }
}
