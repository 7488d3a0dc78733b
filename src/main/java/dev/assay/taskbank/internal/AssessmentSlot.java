package dev.assay.taskbank.internal;

import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.TaskKind;
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
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A place in an assessment: either one fixed task version, or "pick N at random" from the published
 * tasks matching a role and optionally a kind, tag and difficulty (each candidate gets their own pick).
 */
@Entity
@Table(name = "assessment_slot")
public class AssessmentSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", nullable = false)
    private Assessment assessment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_version_id")
    private TaskVersion taskVersion;

    @Column(name = "pick_count", nullable = false)
    private int pickCount = 1;

    @Column(name = "pool_role_key", length = 60)
    private String poolRoleKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "pool_kind", length = 30)
    private TaskKind poolKind;

    @Column(name = "pool_tag", length = 40)
    private String poolTag;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "pool_difficulty", length = 20)
    private Difficulty poolDifficulty;

    protected AssessmentSlot() {
    }

    public static AssessmentSlot fixed(TaskVersion version) {
        AssessmentSlot slot = new AssessmentSlot();
        slot.taskVersion = version;
        return slot;
    }

    public static AssessmentSlot random(int count, String roleKey, TaskKind kind, String tag, Difficulty difficulty) {
        AssessmentSlot slot = new AssessmentSlot();
        slot.pickCount = count;
        slot.poolRoleKey = roleKey;
        slot.poolKind = kind;
        slot.poolTag = tag;
        slot.poolDifficulty = difficulty;
        return slot;
    }

    void attachTo(Assessment assessment) {
        this.assessment = assessment;
    }

    public boolean isFixed() {
        return taskVersion != null;
    }

    public Long getId() {
        return id;
    }

    public TaskVersion getTaskVersion() {
        return taskVersion;
    }

    public int getPickCount() {
        return pickCount;
    }

    public String getPoolRoleKey() {
        return poolRoleKey;
    }

    public TaskKind getPoolKind() {
        return poolKind;
    }

    public String getPoolTag() {
        return poolTag;
    }

    public Difficulty getPoolDifficulty() {
        return poolDifficulty;
    }
}
