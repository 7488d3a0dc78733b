package dev.assay.taskbank.internal;

import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.Keys;
import dev.assay.taskbank.TaskBankException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A job role tasks and rubrics belong to, such as Data Analyst. Its key never changes. */
@Entity
@Table(name = "job_role")
public class JobRole {

    public static final int MAX_DESCRIPTION = ContentRules.MAX_DESCRIPTION;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "role_key", nullable = false, unique = true, length = Keys.MAX_LENGTH)
    private String key;

    @Column(nullable = false, length = ContentRules.MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected JobRole() {
    }

    public static JobRole create(String key, String name, String description, Instant now) {
        if (!Keys.isValid(key)) {
            throw new TaskBankException("A role key is lower-case letters, digits and '-'.");
        }
        JobRole role = new JobRole();
        role.key = key;
        role.createdAt = now;
        role.describe(name, description, now);
        return role;
    }

    public void describe(String name, String description, Instant now) {
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        if (n.isEmpty()) {
            throw new TaskBankException("Give the role a name.");
        }
        if (n.length() > ContentRules.MAX_NAME) {
            throw new TaskBankException("A role name can be at most " + ContentRules.MAX_NAME + " characters.");
        }
        dev.assay.base.PlainText.problem(n).ifPresent(p -> {
            throw new TaskBankException("The role name " + p + ".");
        });
        if (d.isEmpty()) {
            throw new TaskBankException("Describe the role in a sentence or two: reviewers and candidates read it.");
        }
        if (d.length() > MAX_DESCRIPTION) {
            throw new TaskBankException("A role description can be at most " + MAX_DESCRIPTION + " characters.");
        }
        this.name = n;
        this.description = d;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
