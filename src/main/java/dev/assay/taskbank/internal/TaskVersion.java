package dev.assay.taskbank.internal;

import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a task. A draft can be edited; once published it is immutable and known by the hash of
 * its content, and attempts refer to it. Title, kind, difficulty, roles and tags are kept in columns as
 * well as in the content so the task bank can be searched in the database.
 */
@Entity
@Table(name = "task_version")
public class TaskVersion {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false)
    private Task task;

    @Column(name = "version_no", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Status status = Status.DRAFT;

    @Column(nullable = false, length = 160)
    private String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    private TaskKind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Difficulty difficulty;

    @Column(name = "time_limit_minutes", nullable = false)
    private int timeLimitMinutes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_version_role", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "role_key", nullable = false, length = 60)
    private Set<String> roleKeys = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_version_tag", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "tag", nullable = false, length = 40)
    private Set<String> tags = new HashSet<>();

    @Lob
    @Column(name = "content_json", nullable = false, length = Integer.MAX_VALUE)
    private String contentJson;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 254)
    private String createdBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 254)
    private String publishedBy;

    @Version
    private long version;

    protected TaskVersion() {
    }

    static TaskVersion draft(Task task, int number, TaskContent content, String by, Instant now) {
        TaskVersion v = new TaskVersion();
        v.task = task;
        v.number = number;
        v.kind = task.getKind();
        v.createdAt = now;
        v.createdBy = by;
        v.write(content);
        return v;
    }

    /** Replaces the content of a draft. A published version refuses: it is what candidates were shown. */
    void edit(TaskContent content) {
        if (status == Status.PUBLISHED) {
            throw new TaskBankException("Version " + number + " is published and cannot change; edits go into a new draft version.");
        }
        write(content);
    }

    void publish(String by, Instant now) {
        if (status == Status.PUBLISHED) {
            throw new TaskBankException("Version " + number + " is already published.");
        }
        status = Status.PUBLISHED;
        publishedAt = now;
        publishedBy = by;
    }

    private void write(TaskContent content) {
        if (content.kind() != kind) {
            throw new TaskBankException("A " + kind.label() + " task cannot take " + content.kind().label() + " content.");
        }
        this.title = content.title() == null || content.title().isBlank() ? "Untitled task" : content.title().strip();
        this.difficulty = content.difficulty() == null ? Difficulty.INTERMEDIATE : content.difficulty();
        this.timeLimitMinutes = content.timeLimitMinutes();
        this.roleKeys = new HashSet<>(content.roles());
        this.tags = new HashSet<>(content.tags());
        this.contentJson = ContentJson.write(content);
        this.contentHash = ContentJson.hash(contentJson);
    }

    public TaskContent content() {
        return ContentJson.readTask(contentJson);
    }

    public Long getId() {
        return id;
    }

    public Task getTask() {
        return task;
    }

    public int getNumber() {
        return number;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public String getTitle() {
        return title;
    }

    public TaskKind getKind() {
        return kind;
    }

    public Difficulty getDifficulty() {
        return difficulty;
    }

    public int getTimeLimitMinutes() {
        return timeLimitMinutes;
    }

    public Set<String> getRoleKeys() {
        return Set.copyOf(roleKeys);
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    public String getContentHash() {
        return contentHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }
}
