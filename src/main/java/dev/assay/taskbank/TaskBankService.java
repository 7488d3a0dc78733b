package dev.assay.taskbank;

import dev.assay.base.SystemAuthentication;
import dev.assay.taskbank.internal.RoleCatalogs;
import dev.assay.taskbank.internal.Task;
import dev.assay.taskbank.internal.TaskRepository;
import dev.assay.taskbank.internal.TaskSearch;
import dev.assay.taskbank.internal.TaskVersion;
import dev.assay.taskbank.internal.TaskViews;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task bank: searching, authoring, publishing and retiring tasks. Recruiters curate it.
 */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class TaskBankService {

    /** Columns the task bank grid can sort by. */
    public enum SortBy { TITLE, UPDATED, EXPOSURE }

    private static final Logger log = LoggerFactory.getLogger(TaskBankService.class);

    private final TaskRepository tasks;
    private final dev.assay.taskbank.internal.TaskVersionRepository versions;
    private final RoleCatalogs catalogs;
    private final Clock clock;

    private final TaskBankPorts ports;

    TaskBankService(TaskRepository tasks, dev.assay.taskbank.internal.TaskVersionRepository versions,
            RoleCatalogs catalogs, Clock clock, TaskBankPorts ports) {
        this.ports = ports;
        this.tasks = tasks;
        this.versions = versions;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** One page of tasks matching the filter; filtering, sorting and paging happen in the database. */
    @Transactional(readOnly = true)
    public List<TaskSummary> search(TaskFilter filter, int offset, int limit, SortBy sortBy, boolean ascending) {
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        Sort sort = switch (sortBy == null ? SortBy.TITLE : sortBy) {
            case TITLE -> Sort.by(direction, "latestVersion.title");
            case UPDATED -> Sort.by(direction, "updatedAt");
            case EXPOSURE -> Sort.by(direction, "exposureCount");
        };
        int size = Math.max(1, limit);
        PageRequest page = PageRequest.of(offset / size, size, sort.and(Sort.by("id")));
        return tasks.findAll(TaskSearch.matching(filter), page).map(TaskViews::summary).getContent();
    }

    @Transactional(readOnly = true)
    public long count(TaskFilter filter) {
        return tasks.count(TaskSearch.matching(filter));
    }

    @Transactional(readOnly = true)
    public List<String> tagsInUse() {
        return tasks.findTagsInUse();
    }

    @Transactional(readOnly = true)
    public TaskDetail get(long id) {
        return TaskViews.detail(load(id));
    }

    /** One exact task version, as a recruiter previews what candidates were served. */
    @Transactional(readOnly = true)
    public TaskVersionView version(long versionId) {
        return ports.version(versionId);
    }

    /** Published, unretired tasks: what a fixed assessment slot can hold. */
    @Transactional(readOnly = true)
    public List<TaskSummary> published() {
        return tasks.findPublished().stream().map(TaskViews::summary).toList();
    }

    /** Starts a new task as a draft. */
    public TaskDetail create(TaskKind kind, TaskContent content) {
        check(kind, content, false);
        String key = Keys.unique(content.title(), k -> tasks.findByKey(k).isPresent());
        Task task = tasks.save(Task.create(key, kind, clock.instant()));
        task.saveDraft(content, SystemAuthentication.currentName(), clock.instant());
        tasks.flush();
        log.info("Task {} created by {}", task.getKey(), SystemAuthentication.currentName());
        return TaskViews.detail(task);
    }

    /**
     * Saves the content as the task's draft (a published version is never changed: a new draft version
     * is started). {@code lockVersion} is the version the author loaded; if someone saved in between,
     * nothing is overwritten.
     */
    public TaskDetail saveDraft(long id, TaskContent content, long lockVersion) {
        Task task = load(id);
        requireUnchanged(task, lockVersion);
        check(task.getKind(), content, false);
        task.saveDraft(content, SystemAuthentication.currentName(), clock.instant());
        tasks.flush();
        return TaskViews.detail(task);
    }

    /** Saves and publishes the draft; publishing needs complete content. */
    public TaskDetail publish(long id, TaskContent content, long lockVersion) {
        Task task = load(id);
        requireUnchanged(task, lockVersion);
        check(task.getKind(), content, true);
        task.saveDraft(content, SystemAuthentication.currentName(), clock.instant());
        TaskVersion published = task.publish(SystemAuthentication.currentName(), clock.instant());
        tasks.flush();
        log.info("Task {} version {} published by {} ({})", task.getKey(), published.getNumber(), SystemAuthentication.currentName(),
                published.getContentHash());
        return TaskViews.detail(task);
    }

    public TaskDetail discardDraft(long id) {
        Task task = load(id);
        task.discardDraft(clock.instant());
        tasks.flush();
        return TaskViews.detail(task);
    }

    public TaskDetail retire(long id) {
        Task task = load(id);
        task.retire(clock.instant());
        log.info("Task {} retired by {}", task.getKey(), SystemAuthentication.currentName());
        return TaskViews.detail(task);
    }

    public TaskDetail restore(long id) {
        Task task = load(id);
        task.restore(clock.instant());
        return TaskViews.detail(task);
    }

    public TaskDetail limitExposure(long id, Integer limit) {
        Task task = load(id);
        task.limitExposure(limit, clock.instant());
        return TaskViews.detail(task);
    }

    /** Checks content without saving, for the editor's problem list. */
    @Transactional(readOnly = true)
    public List<Problem> problems(TaskKind kind, TaskContent content, boolean forPublishing) {
        Problems problems = new Problems();
        ContentRules.checkTask(kind, content, catalogs.current(), forPublishing, "", problems);
        return problems.list();
    }

    private void check(TaskKind kind, TaskContent content, boolean complete) {
        Problems problems = new Problems();
        ContentRules.checkTask(kind, content, catalogs.current(), complete, "", problems);
        problems.throwIfAny(complete ? "The task is not ready to publish." : "The draft cannot be saved yet.");
    }

    private static void requireUnchanged(Task task, long lockVersion) {
        if (task.getVersion() != lockVersion) {
            throw new TaskBankException("Someone else saved this task after you opened it. Reload the page to see "
                    + "their changes; your edits are still in the form.");
        }
    }

    private Task load(long id) {
        return tasks.findById(id).orElseThrow(() -> new TaskBankException("This task no longer exists."));
    }
}
