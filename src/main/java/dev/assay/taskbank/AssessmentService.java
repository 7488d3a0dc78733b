package dev.assay.taskbank;

import dev.assay.taskbank.internal.Assessment;
import dev.assay.taskbank.internal.AssessmentRepository;
import dev.assay.taskbank.internal.AssessmentSlot;
import dev.assay.taskbank.internal.JobRole;
import dev.assay.taskbank.internal.JobRoleRepository;
import dev.assay.taskbank.internal.PoolSearch;
import dev.assay.taskbank.internal.RubricVersion;
import dev.assay.taskbank.internal.RubricVersionRepository;
import dev.assay.taskbank.internal.SlotMatching;
import dev.assay.taskbank.internal.Task;
import dev.assay.taskbank.internal.TaskRepository;
import dev.assay.taskbank.internal.TaskVersion;
import dev.assay.taskbank.internal.TaskVersionRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assessments: which tasks candidates for a role do, in what order, in how much time. */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class AssessmentService {

    public static final int MIN_TOTAL_MINUTES = 10;
    public static final int MAX_TOTAL_MINUTES = 480;
    public static final int MAX_SLOTS = 12;
    public static final int MAX_PICKS = 10;
    public static final int MAX_INTRO = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final AssessmentRepository assessments;
    private final JobRoleRepository roles;
    private final RubricVersionRepository rubrics;
    private final TaskRepository tasks;
    private final TaskVersionRepository versions;
    private final Clock clock;
    private final TaskBankPorts ports;

    AssessmentService(AssessmentRepository assessments, JobRoleRepository roles, RubricVersionRepository rubrics,
            TaskRepository tasks, TaskVersionRepository versions, Clock clock, TaskBankPorts ports) {
        this.ports = ports;
        this.assessments = assessments;
        this.roles = roles;
        this.rubrics = rubrics;
        this.tasks = tasks;
        this.versions = versions;
        this.clock = clock;
    }

    /** Every assessment, newest first: for recruiters, and for API keys with the read scope. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read')")
    public List<AssessmentSummary> list() {
        return assessments.findAllNewestFirst().stream().map(ports::summary).toList();
    }

    /** One assessment: for recruiters, and for API keys (an integration checks it before inviting to it). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read') or hasAuthority('SCOPE_invite')")
    public AssessmentView get(long id) {
        return ports.assessment(id);
    }

    /** The rubric version the assessment is scored against (frozen once the assessment opened). */
    @Transactional(readOnly = true)
    public RubricView rubric(long assessmentId) {
        return ports.rubric(assessmentId);
    }

    /** Everything that stands between this definition and opening it to candidates. */
    @Transactional(readOnly = true)
    public List<Problem> problems(AssessmentSpec spec) {
        Problems problems = new Problems();
        check(spec, problems);
        return problems.list();
    }

    /** How many servable tasks a random slot with these filters could draw from right now. */
    @Transactional(readOnly = true)
    public int poolSize(String roleKey, TaskKind kind, String tag, Difficulty difficulty) {
        return (int) tasks.count(PoolSearch.servable(roleKey, kind, tag, difficulty));
    }

    /** The average suggested time of the tasks in such a pool, in whole minutes (0 for an empty pool). */
    @Transactional(readOnly = true)
    public int poolAverageMinutes(String roleKey, TaskKind kind, String tag, Difficulty difficulty) {
        return TaskBankPorts.averageMinutes(tasks.findAll(PoolSearch.servable(roleKey, kind, tag, difficulty)));
    }

    /** Saves a new draft assessment. A draft may be incomplete; opening it needs everything. */
    public AssessmentView create(AssessmentSpec spec) {
        Assessment assessment = Assessment.create(clock.instant());
        define(assessment, spec);
        assessments.save(assessment);
        assessments.flush();
        log.info("Assessment {} '{}' created", assessment.getId(), assessment.getTitle());
        return view(assessment);
    }

    public AssessmentView update(long id, AssessmentSpec spec) {
        Assessment assessment = load(id);
        define(assessment, spec);
        assessments.flush();
        return view(assessment);
    }

    /** Opens the assessment for invitations after checking every slot can be filled; freezes its rubric. */
    public AssessmentView open(long id) {
        Assessment assessment = load(id);
        AssessmentView current = view(assessment);
        Problems problems = new Problems();
        check(current.spec(), problems);
        problems.throwIfAny("The assessment cannot be opened yet.");
        assessment.open(clock.instant());
        log.info("Assessment {} opened; rubric version {} of role {} frozen", id,
                assessment.getRubricVersion().getNumber(), assessment.getRole().getKey());
        return view(assessment);
    }

    /** Draws the tasks for one new candidate; see {@link AssessmentCatalog#draw}. */
    @PreAuthorize("hasRole('RECRUITER')")
    public List<DrawnTask> draw(long assessmentId) {
        return ports.draw(assessmentId);
    }

    public AssessmentView close(long id) {
        Assessment assessment = load(id);
        assessment.close(clock.instant());
        return view(assessment);
    }

    private void define(Assessment assessment, AssessmentSpec spec) {
        String title = spec.title() == null ? "" : spec.title().strip();
        if (title.isEmpty()) {
            throw new TaskBankException("Give the assessment a title.");
        }
        if (title.length() > 160) {
            throw new TaskBankException("A title can be at most 160 characters.");
        }
        dev.assay.base.PlainText.problem(title).ifPresent(p -> {
            throw new TaskBankException("The title " + p + ".");
        });
        if (spec.roleId() == null) {
            throw new TaskBankException("Choose the role this assessment is for.");
        }
        if (spec.intro() != null && spec.intro().length() > MAX_INTRO) {
            throw new TaskBankException(String.format("The introduction can be at most %,d characters.", MAX_INTRO));
        }
        if (spec.slots().size() > MAX_SLOTS) {
            throw new TaskBankException("An assessment can have at most " + MAX_SLOTS + " slots.");
        }
        JobRole role = roles.findById(spec.roleId())
                .orElseThrow(() -> new TaskBankException("The chosen role no longer exists."));
        RubricVersion rubric = rubrics.findFirstByRoleIdOrderByNumberDesc(role.getId()).orElseThrow();
        List<AssessmentSlot> slots = new ArrayList<>();
        for (SlotSpec slot : spec.slots()) {
            if (slot.isFixed()) {
                TaskVersion version = versions.findById(slot.taskVersionId())
                        .orElseThrow(() -> new TaskBankException("A chosen task no longer exists."));
                if (!version.isPublished()) {
                    throw new TaskBankException("Only published tasks can go into an assessment: '"
                            + version.getTitle() + "' is a draft.");
                }
                slots.add(AssessmentSlot.fixed(version));
            } else {
                if (slot.count() < 1 || slot.count() > MAX_PICKS) {
                    throw new TaskBankException("A random slot picks from 1 to " + MAX_PICKS + " tasks.");
                }
                slots.add(AssessmentSlot.random(slot.count(), slot.roleKey() == null ? role.getKey() : slot.roleKey(),
                        slot.kind(), blankToNull(slot.tag()), slot.difficulty()));
            }
        }
        assessment.define(title, role, rubric, spec.totalMinutes(), spec.intro(), spec.accommodationsAllowed(), slots,
                clock.instant());
    }

    private void check(AssessmentSpec spec, Problems problems) {
        if (spec.title() == null || spec.title().isBlank()) {
            problems.add("title", "Give the assessment a title.");
        }
        Optional<JobRole> role = spec.roleId() == null ? Optional.empty() : roles.findById(spec.roleId());
        if (role.isEmpty()) {
            problems.add("role", "Choose the role this assessment is for.");
        }
        if (spec.totalMinutes() < MIN_TOTAL_MINUTES || spec.totalMinutes() > MAX_TOTAL_MINUTES) {
            problems.add("totalMinutes", "The total time limit must be from " + MIN_TOTAL_MINUTES + " to "
                    + MAX_TOTAL_MINUTES + " minutes.");
        }
        if (spec.intro() == null || spec.intro().isBlank()) {
            problems.add("intro", "Write a short introduction: candidates read it before they start.");
        }
        if (spec.slots().isEmpty()) {
            problems.add("slots", "Add at least one task: a fixed task or a random pick.");
            return;
        }
        List<Integer> counts = new ArrayList<>();
        List<List<Long>> candidates = new ArrayList<>();
        for (int i = 0; i < spec.slots().size(); i++) {
            SlotSpec slot = spec.slots().get(i);
            String at = "slots[" + i + "]";
            String name = "Slot " + (i + 1);
            if (slot.isFixed()) {
                Optional<TaskVersion> version = versions.findById(slot.taskVersionId());
                if (version.isEmpty()) {
                    problems.add(at, name + ": the chosen task no longer exists.");
                    counts.add(0);
                    candidates.add(List.of());
                    continue;
                }
                Task task = version.get().getTask();
                if (!version.get().isPublished()) {
                    problems.add(at, name + ": '" + version.get().getTitle() + "' is not published.");
                } else if (task.isRetired()) {
                    problems.add(at, name + ": '" + version.get().getTitle() + "' has been retired.");
                } else if (!task.isServable()) {
                    problems.add(at, name + ": '" + version.get().getTitle() + "' has reached its exposure limit.");
                }
                counts.add(1);
                candidates.add(List.of(task.getId()));
            } else {
                String roleKey = slot.roleKey() != null ? slot.roleKey() : role.map(JobRole::getKey).orElse(null);
                List<Long> pool = tasks.findAll(PoolSearch.servable(roleKey, slot.kind(), blankToNull(slot.tag()),
                        slot.difficulty()), Sort.by("id")).stream().map(Task::getId).toList();
                if (slot.count() < 1 || slot.count() > MAX_PICKS) {
                    problems.add(at, name + ": a random slot picks from 1 to " + MAX_PICKS + " tasks.");
                } else if (pool.size() < slot.count()) {
                    problems.add(at, name + " picks " + slot.count() + " but only " + pool.size()
                            + (pool.size() == 1 ? " published task matches" : " published tasks match")
                            + " its filters. Publish more tasks or widen the filters.");
                }
                counts.add(Math.max(0, Math.min(slot.count(), MAX_PICKS)));
                candidates.add(pool);
            }
        }
        if (problems.isEmpty()) {
            int needed = counts.stream().mapToInt(Integer::intValue).sum();
            int filled = SlotMatching.maxFilled(counts, candidates);
            if (filled < needed) {
                problems.add("slots", "Together the slots need " + needed + " different tasks, but their pools overlap "
                        + "so that only " + filled + " can be given to one candidate without repeating a task. "
                        + "Publish more tasks or make the random pools more specific.");
            }
        }
    }

    private AssessmentView view(Assessment a) {
        return ports.view(a);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Assessment load(long id) {
        return ports.load(id);
    }
}
