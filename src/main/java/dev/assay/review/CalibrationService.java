package dev.assay.review;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.review.internal.Assignment;
import dev.assay.review.internal.Calibration;
import dev.assay.review.internal.CalibrationItem;
import dev.assay.review.internal.CalibrationItemRepository;
import dev.assay.review.internal.ReviewPanel;
import dev.assay.review.internal.ReviewPanelRepository;
import dev.assay.review.port.ScoredWork;
import dev.assay.staff.StaffMember;
import dev.assay.staff.port.StaffDirectory;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recruiter's side of calibration: building an assessment's calibration set from earlier reviewed submissions
 * of the same role (key levels taken from the reconciled levels or the reviewers' median, then edited, with a
 * rationale per cell), retiring items, and following each reviewer's rounds and hidden drift checks. Every change
 * goes into the audit log. Items never carry a candidate's identity.
 */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class CalibrationService {

    public static final int MAX_RATIONALE = 500;
    public static final int MAX_ITEMS = 12;

    /** A reviewed submission that could become an item: where it comes from and what its reviewers gave. */
    public record Source(long submissionId, String candidateCode, String assessmentTitle, int reviews,
            double meanLevel, boolean reconciled) {
    }

    /** One cell of a key being written: where it is, in words, the suggested or chosen level and the rationale. */
    public record KeyCell(int taskPosition, String criterionKey, String describe, int level, String rationale) {
    }

    /** An item as the recruiter sees it. */
    public record Item(long id, String label, String sourceAssessment, List<KeyCell> key, long version) {
    }

    /** The set and how the panel is doing with it. */
    public record Overview(long assessmentId, String assessmentTitle, PanelRules rules, boolean panelExists,
            List<Item> items, List<CalibrationStatus.ReviewerRecord> reviewers) {
    }

    private final CalibrationItemRepository items;
    private final Calibration calibration;
    private final ScoredWork results;
    private final ReviewPanelRepository panels;
    private final AssessmentCatalog assessments;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    CalibrationService(CalibrationItemRepository items, Calibration calibration, ScoredWork results,
            ReviewPanelRepository panels, AssessmentCatalog assessments, StaffDirectory staff, AuditTrail audit,
            Clock clock) {
        this.items = items;
        this.calibration = calibration;
        this.results = results;
        this.panels = panels;
        this.assessments = assessments;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The assessment's items, and every panel member's calibration rounds and drift checks. */
    @Transactional(readOnly = true)
    public Overview overview(long assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        ReviewPanel panel = panels.findById(assessmentId).orElse(null);
        List<Item> list = calibration.activeItems(assessmentId).stream().map(this::item).toList();
        Map<Long, CalibrationItem> byId = new HashMap<>();
        items.findByAssessmentIdOrderByIdAsc(assessmentId).forEach(i -> byId.put(i.getId(), i));
        Map<Long, List<Assignment>> takes = new TreeMap<>(calibration.takesByReviewer(assessmentId));
        if (panel != null) {
            panel.getMembers().forEach(m -> takes.putIfAbsent(m, List.of()));
        }
        Map<Long, String> names = staff.accounts(takes.keySet()).stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
        List<CalibrationStatus.ReviewerRecord> reviewers = new ArrayList<>();
        takes.forEach((reviewer, list2) -> {
            CalibrationStatus status = calibration.status(reviewer, assessmentId);
            List<CalibrationStatus.DriftPoint> drift = list2.stream()
                    .filter(a -> a.getOrigin() == AssignmentOrigin.DRIFT && a.getStatus() == AssignmentStatus.SUBMITTED)
                    .sorted(Comparator.comparing(Assignment::getSubmittedAt))
                    .map(a -> {
                        CalibrationGrade g = calibration.grade(a);
                        return new CalibrationStatus.DriftPoint(a.getSubmittedAt(),
                                byId.get(a.getCalibrationItemId()).getLabel(), g.withinOne(), g.largestMiss());
                    }).toList();
            reviewers.add(new CalibrationStatus.ReviewerRecord(reviewer, names.getOrDefault(reviewer,
                    "Reviewer #" + reviewer), status.passed(), status.round(), status.lastRound(), drift));
        });
        reviewers.sort(Comparator.comparing(CalibrationStatus.ReviewerRecord::reviewerName,
                String.CASE_INSENSITIVE_ORDER));
        return new Overview(assessmentId, assessment.title(), panel == null ? PanelRules.DEFAULT : panel.getRules(),
                panel != null, list, reviewers);
    }

    /**
     * Reviewed submissions of assessments of the same role that could become items: at least one submitted review,
     * not already in the set, best documented first (reconciled, then most reviews).
     */
    @Transactional(readOnly = true)
    public List<Source> sources(long assessmentId) {
        long role = assessments.assessment(assessmentId).roleId();
        Set<Long> used = items.findByAssessmentIdOrderByIdAsc(assessmentId).stream()
                .filter(CalibrationItem::isActive).map(CalibrationItem::getSourceSubmissionId).collect(Collectors.toSet());
        List<Source> out = new ArrayList<>();
        for (AssessmentSummary summary : assessments.summaries()) {
            if (assessments.assessment(summary.id()).roleId() != role) {
                continue;
            }
            for (ScoredSubmission s : results.scores(summary.id())) {
                if (s.reviews().isEmpty() || used.contains(s.submissionId())) {
                    continue;
                }
                double mean = s.reviews().stream().flatMap(r -> r.scores().stream()).mapToInt(ScoreCell::level)
                        .average().orElse(0);
                out.add(new Source(s.submissionId(), s.candidateCode(), summary.title(), s.reviews().size(), mean,
                        !s.reconciled().isEmpty()));
            }
        }
        out.sort(Comparator.comparing(Source::reconciled).reversed().thenComparing(Comparator
                .comparingInt(Source::reviews).reversed()).thenComparingLong(Source::submissionId));
        return out;
    }

    /**
     * The suggested key for a reviewed submission: per task × criterion the reconciled level where the reviewers
     * reconciled one, otherwise the median of their latest submitted levels (the upper median when even).
     */
    @Transactional(readOnly = true)
    public List<KeyCell> suggestedKey(long sourceSubmissionId) {
        ScoredSubmission s = results.scored(sourceSubmissionId)
                .orElseThrow(() -> new ReviewException("That submission has no submitted review to start from."));
        long sourceAssessment = results.assessmentOf(sourceSubmissionId).orElseThrow();
        Map<String, String> names = names(sourceAssessment);
        Map<ScoreCell.Cell, List<Integer>> given = new TreeMap<>(CELL_ORDER);
        s.reviews().forEach(r -> r.scores().forEach(c -> given.computeIfAbsent(c.cell(), k -> new ArrayList<>())
                .add(c.level())));
        Map<ScoreCell.Cell, Integer> agreed = new HashMap<>();
        s.reconciled().forEach(c -> agreed.put(c.cell(), c.level()));
        List<KeyCell> out = new ArrayList<>();
        given.forEach((cell, levels) -> {
            List<Integer> sorted = levels.stream().sorted().toList();
            int level = agreed.getOrDefault(cell, sorted.get(sorted.size() / 2));
            out.add(new KeyCell(cell.taskPosition(), cell.criterionKey(), describe(cell, names), level, ""));
        });
        if (out.isEmpty()) {
            throw new ReviewException("That submission has no submitted review to start from.");
        }
        out.sort(rubricOrder(sourceAssessment));
        return out;
    }

    /**
     * Adds a reviewed submission to the set with its key. Refused, naming every problem, unless every cell the
     * submission was scored on has a level 1–5 and rationales stay short; and refused for a submission already in
     * the set or a full set.
     */
    public long addItem(long assessmentId, long sourceSubmissionId, List<KeyCell> key) {
        assessments.assessment(assessmentId);
        if (items.existsByAssessmentIdAndSourceSubmissionId(assessmentId, sourceSubmissionId)) {
            throw new ReviewException("That submission is already in this calibration set.");
        }
        if (sources(assessmentId).stream().noneMatch(x -> x.submissionId() == sourceSubmissionId)) {
            throw new ReviewException("Choose a reviewed submission of an assessment for the same role.");
        }
        List<CalibrationItem> existing = items.findByAssessmentIdOrderByIdAsc(assessmentId);
        if (existing.stream().filter(CalibrationItem::isActive).count() >= MAX_ITEMS) {
            throw new ReviewException("A calibration set holds at most " + MAX_ITEMS + " items; retire one first.");
        }
        List<CalibrationItem.Key> keys = keys(sourceSubmissionId, key);
        CalibrationItem item = items.save(new CalibrationItem(assessmentId, sourceSubmissionId,
                "Calibration example " + (existing.size() + 1), keys, SystemAuthentication.currentName(),
                clock.instant()));
        audit.record("calibration.item_added", "assessment " + assessmentId, item.getLabel() + " (item " + item.getId()
                + ") with " + keys.size() + " key levels.", null);
        return item.getId();
    }

    /** Changes an item's key levels and rationales. */
    public void updateKey(long itemId, List<KeyCell> key, long expectedVersion) {
        CalibrationItem item = items.findById(itemId)
                .orElseThrow(() -> new ReviewException("This calibration item no longer exists."));
        if (item.getVersion() != expectedVersion) {
            throw new StaleScorecardException("Someone else changed this key while you were editing it. Reload the "
                    + "page to see their change, then make yours again.");
        }
        item.rekey(keys(item.getSourceSubmissionId(), key));
        items.saveAndFlush(item);
        audit.record("calibration.key_changed", "assessment " + item.getAssessmentId(), item.getLabel() + " (item "
                + itemId + ") key changed.", null);
    }

    /**
     * Takes an item out of the set: new rounds and drift checks no longer use it; scorecards already given on it
     * keep their grades. Refused when it would leave a panel that requires calibration without items.
     */
    public void retire(long itemId) {
        CalibrationItem item = items.findById(itemId)
                .orElseThrow(() -> new ReviewException("This calibration item no longer exists."));
        long left = calibration.activeItems(item.getAssessmentId()).size() - 1;
        boolean needed = panels.findById(item.getAssessmentId()).map(p -> p.getRules().calibrationRequired()
                || p.getRules().driftEvery() > 0).orElse(false);
        if (left == 0 && needed) {
            throw new ReviewException("The panel requires calibration or drift checks: turn them off before retiring "
                    + "the last item.");
        }
        item.retire(clock.instant());
        audit.record("calibration.item_retired", "assessment " + item.getAssessmentId(), item.getLabel() + " (item "
                + itemId + ") retired.", null);
    }

    private List<CalibrationItem.Key> keys(long sourceSubmissionId, List<KeyCell> key) {
        Map<ScoreCell.Cell, KeyCell> chosen = new HashMap<>();
        (key == null ? List.<KeyCell>of() : key).forEach(k -> chosen.put(new ScoreCell.Cell(k.taskPosition(),
                k.criterionKey()), k));
        List<String> problems = new ArrayList<>();
        List<CalibrationItem.Key> out = new ArrayList<>();
        for (KeyCell cell : suggestedKey(sourceSubmissionId)) {
            KeyCell k = chosen.get(new ScoreCell.Cell(cell.taskPosition(), cell.criterionKey()));
            String rationale = k == null || k.rationale() == null ? "" : k.rationale().strip();
            if (k == null || !ScorecardRules.isLevel(k.level())) {
                problems.add("Choose the key level for " + cell.describe() + ".");
            } else if (rationale.length() > MAX_RATIONALE) {
                problems.add("Keep the rationale for " + cell.describe() + " under " + MAX_RATIONALE + " characters.");
            } else {
                out.add(new CalibrationItem.Key(cell.taskPosition(), cell.criterionKey(), k.level(),
                        rationale.isEmpty() ? null : rationale));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        return out;
    }

    private Item item(CalibrationItem i) {
        long source = results.assessmentOf(i.getSourceSubmissionId()).orElse(i.getAssessmentId());
        Map<String, String> names = names(source);
        List<KeyCell> key = Calibration.keyOf(i).stream().map(k -> new KeyCell(k.cell().taskPosition(),
                k.cell().criterionKey(), describe(k.cell(), names), k.level(), k.rationale() == null ? ""
                        : k.rationale())).sorted(rubricOrder(source)).toList();
        return new Item(i.getId(), i.getLabel(), assessments.summary(source).title(), key, i.getVersion());
    }

    /** Cells by task, then in the order the rubric lists its criteria. */
    private Comparator<KeyCell> rubricOrder(long assessmentId) {
        Map<String, Integer> index = new HashMap<>();
        List<RubricCriterion> criteria = assessments.rubric(assessmentId).criteria();
        for (int i = 0; i < criteria.size(); i++) {
            index.put(criteria.get(i).key(), i);
        }
        return Comparator.comparingInt(KeyCell::taskPosition)
                .thenComparingInt(k -> index.getOrDefault(k.criterionKey(), Integer.MAX_VALUE));
    }

    private Map<String, String> names(long assessmentId) {
        Map<String, String> names = new HashMap<>();
        for (RubricCriterion c : assessments.rubric(assessmentId).criteria()) {
            names.put(c.key(), c.name());
        }
        return names;
    }

    private static String describe(ScoreCell.Cell cell, Map<String, String> names) {
        return "Task " + (cell.taskPosition() + 1) + " · " + names.getOrDefault(cell.criterionKey(), cell.criterionKey());
    }

    private static final Comparator<ScoreCell.Cell> CELL_ORDER = Comparator.comparingInt(ScoreCell.Cell::taskPosition)
            .thenComparing(ScoreCell.Cell::criterionKey);
}
