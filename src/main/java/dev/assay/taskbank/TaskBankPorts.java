package dev.assay.taskbank;

import dev.assay.taskbank.internal.Assessment;
import dev.assay.taskbank.internal.AssessmentRepository;
import dev.assay.taskbank.internal.AssessmentSlot;
import dev.assay.taskbank.internal.JobRole;
import dev.assay.taskbank.internal.JobRoleRepository;
import dev.assay.taskbank.internal.PoolSearch;
import dev.assay.taskbank.internal.RubricVersions;
import dev.assay.taskbank.internal.SlotMatching;
import dev.assay.taskbank.internal.Task;
import dev.assay.taskbank.internal.TaskRepository;
import dev.assay.taskbank.internal.TaskVersion;
import dev.assay.taskbank.internal.TaskVersionRepository;
import dev.assay.taskbank.port.AssessmentCatalog;
import dev.assay.taskbank.port.TaskVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task bank's ports, and the reads its own services share with them. Unguarded by design: other
 * modules' services call these after deciding who may act; people reach the same reads through
 * {@link AssessmentService} and {@link TaskBankService}, which check their role.
 */
@Component
@Transactional(readOnly = true)
class TaskBankPorts implements AssessmentCatalog, TaskVersions {

    /**
     * Published task versions, which never change once published (edits become a new version): every
     * candidate page and save reads the versions of its tasks, and those reads need not reach the database.
     * Bounded; emptied when full, since anything in it can be read again.
     */
    static final int PUBLISHED_VERSIONS_CACHED = 2_000;

    private final ConcurrentHashMap<Long, TaskVersionView> publishedVersions = new ConcurrentHashMap<>();
    private final AssessmentRepository assessments;
    private final JobRoleRepository roles;
    private final TaskRepository tasks;
    private final TaskVersionRepository versions;

    TaskBankPorts(AssessmentRepository assessments, JobRoleRepository roles, TaskRepository tasks,
            TaskVersionRepository versions) {
        this.assessments = assessments;
        this.roles = roles;
        this.tasks = tasks;
        this.versions = versions;
    }

    @Override
    public AssessmentView assessment(long assessmentId) {
        return view(load(assessmentId));
    }

    @Override
    public AssessmentSummary summary(long assessmentId) {
        return summary(load(assessmentId));
    }

    AssessmentSummary summary(Assessment a) {
        return new AssessmentSummary(a.getId(), a.getTitle(), a.getRole().getName(), a.getStatus(),
                a.getSlots().stream().mapToInt(AssessmentSlot::getPickCount).sum(), a.getTotalMinutes(),
                a.getUpdatedAt());
    }

    @Override
    public RubricView rubric(long assessmentId) {
        return RubricVersions.view(load(assessmentId).getRubricVersion());
    }

    @Override
    public CandidateBrief candidateBrief(long assessmentId) {
        Assessment a = load(assessmentId);
        return new CandidateBrief(a.getId(), a.getTitle(), a.getRole().getName(), a.getRole().getDescription(),
                a.getIntroText(), a.getSlots().stream().mapToInt(AssessmentSlot::getPickCount).sum(), a.getTotalMinutes(),
                a.isAccommodationsAllowed(), a.getStatus(), a.getSlots().stream().anyMatch(slot -> slot.isFixed()
                        ? slot.getTaskVersion().getKind() == TaskKind.AI_COLLABORATION
                        : slot.getPoolKind() == null || slot.getPoolKind() == TaskKind.AI_COLLABORATION));
    }

    @Override
    @Transactional
    public List<DrawnTask> draw(long assessmentId) {
        Assessment assessment = load(assessmentId);
        if (assessment.getStatus() != AssessmentStatus.OPEN) {
            throw new TaskBankException("This assessment is not open, so no tasks can be drawn from it.");
        }
        List<AssessmentSlot> slots = assessment.getSlots();
        List<Integer> counts = new ArrayList<>();
        List<List<Long>> candidates = new ArrayList<>();
        java.util.Map<Long, Task> byId = new java.util.HashMap<>();
        for (AssessmentSlot slot : slots) {
            List<Task> pool = slot.isFixed() ? List.of(slot.getTaskVersion().getTask())
                    : new ArrayList<>(tasks.findAll(PoolSearch.servable(slot.getPoolRoleKey(), slot.getPoolKind(),
                            slot.getPoolTag(), slot.getPoolDifficulty())));
            pool = pool.stream().filter(Task::isServable).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.shuffle(pool, java.util.concurrent.ThreadLocalRandom.current());
            pool.forEach(t -> byId.put(t.getId(), t));
            counts.add(slot.getPickCount());
            candidates.add(pool.stream().map(Task::getId).toList());
        }
        // Count each chosen task with a conditional increment, in task id order so two draws never wait on each
        // other in a cycle. A task that reached its limit meanwhile is dropped and the matching runs again.
        while (true) {
            List<List<Long>> fill = SlotMatching.assign(counts, candidates).orElseThrow(() -> new TaskBankException(
                    "There are not enough tasks left to serve this assessment: a task is retired or has reached its "
                            + "exposure limit. Publish more tasks or raise the limit."));
            List<Long> chosen = fill.stream().flatMap(List::stream).sorted().toList();
            List<Long> counted = new ArrayList<>();
            Long exhausted = null;
            for (Long taskId : chosen) {
                if (tasks.countExposure(taskId) == 1) {
                    counted.add(taskId);
                } else {
                    exhausted = taskId;
                    break;
                }
            }
            if (exhausted == null) {
                List<DrawnTask> drawn = new ArrayList<>();
                for (int i = 0; i < slots.size(); i++) {
                    AssessmentSlot slot = slots.get(i);
                    for (Long taskId : fill.get(i)) {
                        long versionId = slot.isFixed() ? slot.getTaskVersion().getId()
                                : byId.get(taskId).getPublishedVersion().getId();
                        drawn.add(new DrawnTask(i, taskId, versionId));
                    }
                }
                return drawn;
            }
            counted.forEach(tasks::uncountExposure);
            Long gone = exhausted;
            candidates = candidates.stream().map(ids -> ids.stream().filter(id -> !id.equals(gone)).toList()).toList();
        }
    }

    @Override
    public TaskVersionView version(long versionId) {
        TaskVersionView cached = publishedVersions.get(versionId);
        if (cached != null) {
            return cached;
        }
        TaskVersion v = versions.findById(versionId)
                .orElseThrow(() -> new TaskBankException("This task version does not exist."));
        TaskVersionView view = new TaskVersionView(v.getId(), v.getTask().getId(), v.getTask().getKey(), v.getNumber(),
                v.getKind(), v.getContentHash(), v.content());
        if (v.isPublished()) {
            if (publishedVersions.size() >= PUBLISHED_VERSIONS_CACHED) {
                publishedVersions.clear();
            }
            publishedVersions.put(versionId, view);
        }
        return view;
    }

    AssessmentView view(Assessment a) {
        List<SlotView> slots = new ArrayList<>();
        for (AssessmentSlot s : a.getSlots()) {
            if (s.isFixed()) {
                TaskVersion v = s.getTaskVersion();
                slots.add(new SlotView(SlotSpec.fixed(v.getId()), v.getTitle(),
                        v.getKind().label() + " · " + v.getDifficulty().label() + " · version " + v.getNumber(),
                        v.getTimeLimitMinutes(), 1));
            } else {
                List<Task> pool = tasks.findAll(PoolSearch.servable(s.getPoolRoleKey(), s.getPoolKind(), s.getPoolTag(),
                        s.getPoolDifficulty()));
                int suggested = averageMinutes(pool) * s.getPickCount();
                slots.add(new SlotView(
                        SlotSpec.random(s.getPickCount(), s.getPoolRoleKey(), s.getPoolKind(), s.getPoolTag(),
                                s.getPoolDifficulty()),
                        s.getPickCount() == 1 ? "1 random task" : s.getPickCount() + " random tasks",
                        poolDescription(s), suggested, pool.size()));
            }
        }
        return new AssessmentView(a.getId(), a.getTitle(), a.getRole().getId(), a.getRole().getKey(),
                a.getRole().getName(), a.getRubricVersion().getId(), a.getRubricVersion().getNumber(),
                a.getTotalMinutes(), a.getIntroText(), a.isAccommodationsAllowed(), a.getStatus(), slots,
                a.getUpdatedAt());
    }

    private String poolDescription(AssessmentSlot s) {
        List<String> parts = new ArrayList<>();
        parts.add(roles.findByKey(s.getPoolRoleKey()).map(JobRole::getName).orElse(s.getPoolRoleKey()));
        parts.add(s.getPoolKind() == null ? "any kind" : s.getPoolKind().label());
        if (s.getPoolDifficulty() != null) {
            parts.add(s.getPoolDifficulty().label());
        }
        if (s.getPoolTag() != null) {
            parts.add("tag " + s.getPoolTag());
        }
        return "From: " + String.join(" · ", parts);
    }

    static int averageMinutes(List<Task> pool) {
        return (int) Math.round(pool.stream().mapToInt(t -> t.getPublishedVersion().getTimeLimitMinutes())
                .average().orElse(0));
    }

    Assessment load(long id) {
        return assessments.findById(id).orElseThrow(() -> new TaskBankException("This assessment no longer exists."));
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Map<Long, java.time.Instant> closed() {
        java.util.Map<Long, java.time.Instant> out = new java.util.LinkedHashMap<>();
        for (var a : assessments.findAll()) {
            if (a.getStatus() == dev.assay.taskbank.AssessmentStatus.CLOSED && a.getClosedAt() != null) {
                out.put(a.getId(), a.getClosedAt());
            }
        }
        return out;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.List<AssessmentSummary> summaries() {
        return assessments.findAll().stream()
                .filter(a -> a.getStatus() != dev.assay.taskbank.AssessmentStatus.DRAFT)
                .sorted(java.util.Comparator.comparing(dev.assay.taskbank.internal.Assessment::getId).reversed())
                .map(a -> summary(a.getId())).toList();
    }
}
