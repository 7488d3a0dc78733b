package dev.assay.taskbank.internal;

import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.Problems;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskBankException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.List;

/**
 * One version of a role's rubric. It can be edited until an assessment that uses it is opened to
 * candidates; from then on it is frozen, and editing the rubric creates the next version.
 */
@Entity
@Table(name = "rubric_version")
public class RubricVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "role_id", nullable = false)
    private JobRole role;

    @Column(name = "version_no", nullable = false)
    private int number;

    @Lob
    @Column(name = "criteria_json", nullable = false, length = Integer.MAX_VALUE)
    private String criteriaJson;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false)
    private boolean frozen;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "frozen_at")
    private Instant frozenAt;

    @Version
    private long version;

    protected RubricVersion() {
    }

    static RubricVersion create(JobRole role, int number, List<RubricCriterion> criteria, Instant now) {
        RubricVersion rubric = new RubricVersion();
        rubric.role = role;
        rubric.number = number;
        rubric.createdAt = now;
        rubric.write(criteria);
        return rubric;
    }

    /** Changes the criteria of a version nobody has been assessed against yet. */
    public void edit(List<RubricCriterion> criteria) {
        if (frozen) {
            throw new TaskBankException("Rubric version " + number + " is in use by an assessment and cannot change; "
                    + "save your edits as a new version.");
        }
        write(criteria);
    }

    private void write(List<RubricCriterion> criteria) {
        Problems problems = new Problems();
        ContentRules.checkRubric(criteria, "criteria", problems);
        problems.throwIfAny("The rubric is not complete yet.");
        this.criteriaJson = ContentJson.write(criteria);
        this.contentHash = ContentJson.hash(criteriaJson);
    }

    public void freeze(Instant now) {
        if (!frozen) {
            frozen = true;
            frozenAt = now;
        }
    }

    public List<RubricCriterion> criteria() {
        return ContentJson.readCriteria(criteriaJson);
    }

    public Long getId() {
        return id;
    }

    public JobRole getRole() {
        return role;
    }

    public int getNumber() {
        return number;
    }

    public String getContentHash() {
        return contentHash;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
