package dev.assay.taskbank.internal;

import dev.assay.taskbank.Keys;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A task in the bank and its history of versions. Holds the rules: a draft is edited in place, a
 * published version never changes, a retired task is not offered to new assessments, and a task is not
 * served to more candidates than its exposure limit allows.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_key", nullable = false, unique = true, length = Keys.MAX_LENGTH)
    private String key;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    private TaskKind kind;

    @Column(nullable = false)
    private boolean retired;

    /**
     * Counted only by {@link TaskRepository#countExposure} (one conditional SQL increment), never written from
     * this entity, so starting candidates never contend on the row's version and an edit never resets the count.
     */
    @Column(name = "exposure_count", nullable = false, updatable = false)
    private int exposureCount;

    @Column(name = "exposure_limit")
    private Integer exposureLimit;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<TaskVersion> versions = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "latest_version_id")
    private TaskVersion latestVersion;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_version_id")
    private TaskVersion publishedVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Task() {
    }

    public static Task create(String key, TaskKind kind, Instant now) {
        if (!Keys.isValid(key)) {
            throw new TaskBankException("A task key is lower-case letters, digits and '-'.");
        }
        Task task = new Task();
        task.key = key;
        task.kind = kind;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    /** Saves content as the draft: the open draft is edited, or a new draft version follows a published one. */
    public TaskVersion saveDraft(TaskContent content, String by, Instant now) {
        TaskVersion draft;
        if (latestVersion != null && !latestVersion.isPublished()) {
            draft = latestVersion;
            draft.edit(content);
        } else {
            draft = TaskVersion.draft(this, versions.size() + 1, content, by, now);
            versions.add(draft);
            latestVersion = draft;
        }
        updatedAt = now;
        return draft;
    }

    /** Publishes the open draft. Content rules are checked by the caller, which knows the roles. */
    public TaskVersion publish(String by, Instant now) {
        if (latestVersion == null || latestVersion.isPublished()) {
            throw new TaskBankException("There is no draft to publish: edit the task first.");
        }
        if (publishedVersion != null && publishedVersion.getContentHash().equals(latestVersion.getContentHash())) {
            throw new TaskBankException("Nothing changed since version " + publishedVersion.getNumber()
                    + ", which is already published.");
        }
        latestVersion.publish(by, now);
        publishedVersion = latestVersion;
        updatedAt = now;
        return publishedVersion;
    }

    /** Throws away the open draft of a task that has a published version, going back to that version. */
    public void discardDraft(Instant now) {
        if (latestVersion == null || latestVersion.isPublished() || publishedVersion == null) {
            throw new TaskBankException("Only draft changes to a published task can be discarded.");
        }
        versions.remove(latestVersion);
        latestVersion = publishedVersion;
        updatedAt = now;
    }

    public void retire(Instant now) {
        retired = true;
        updatedAt = now;
    }

    public void restore(Instant now) {
        retired = false;
        updatedAt = now;
    }

    /** Sets the most candidates this task may be served to; {@code null} means no limit. */
    public void limitExposure(Integer limit, Instant now) {
        if (limit != null && limit < 1) {
            throw new TaskBankException("An exposure limit is at least 1; clear it for no limit.");
        }
        exposureLimit = limit;
        updatedAt = now;
    }

    /** Whether new candidates may be given this task: published, not retired, and under its exposure limit. */
    public boolean isServable() {
        return !retired && publishedVersion != null && (exposureLimit == null || exposureCount < exposureLimit);
    }

    public TaskStatus status() {
        if (retired) {
            return TaskStatus.RETIRED;
        }
        return publishedVersion == null ? TaskStatus.DRAFT : TaskStatus.PUBLISHED;
    }

    public boolean hasDraftChanges() {
        return latestVersion != null && !latestVersion.isPublished() && publishedVersion != null;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public TaskKind getKind() {
        return kind;
    }

    public boolean isRetired() {
        return retired;
    }

    public int getExposureCount() {
        return exposureCount;
    }

    public Integer getExposureLimit() {
        return exposureLimit;
    }

    public List<TaskVersion> getVersions() {
        return List.copyOf(versions);
    }

    public TaskVersion getLatestVersion() {
        return latestVersion;
    }

    public TaskVersion getPublishedVersion() {
        return publishedVersion;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
