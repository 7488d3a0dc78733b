package dev.assay.taskbank.internal;

import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.TaskBankException;
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
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An assessment: a role and the rubric version it is scored against, an ordered list of task slots,
 * a total time limit and the intro candidates read. It is edited as a draft and opened for invitations;
 * opening freezes the rubric version so everyone assessed is scored against the same rubric.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 160)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "role_id", nullable = false)
    private JobRole role;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rubric_version_id", nullable = false)
    private RubricVersion rubricVersion;

    @Column(name = "total_minutes", nullable = false)
    private int totalMinutes;

    @Lob
    @Column(name = "intro_text", nullable = false, length = Integer.MAX_VALUE)
    private String introText;

    @Column(name = "accommodations_allowed", nullable = false)
    private boolean accommodationsAllowed;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private AssessmentStatus status = AssessmentStatus.DRAFT;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "slot_index")
    private List<AssessmentSlot> slots = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Assessment() {
    }

    public static Assessment create(Instant now) {
        Assessment a = new Assessment();
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Replaces everything an author edits. Only a draft can change. */
    public void define(String title, JobRole role, RubricVersion rubric, int totalMinutes, String intro,
            boolean accommodationsAllowed, List<AssessmentSlot> newSlots, Instant now) {
        requireDraft();
        this.title = title.strip();
        this.role = role;
        this.rubricVersion = rubric;
        this.totalMinutes = totalMinutes;
        this.introText = intro == null ? "" : intro.strip();
        this.accommodationsAllowed = accommodationsAllowed;
        this.slots.clear();
        for (AssessmentSlot slot : newSlots) {
            slot.attachTo(this);
            this.slots.add(slot);
        }
        this.updatedAt = now;
    }

    /** Opens the assessment for invitations; the caller has checked that every slot can be filled. */
    public void open(Instant now) {
        requireDraft();
        status = AssessmentStatus.OPEN;
        openedAt = now;
        updatedAt = now;
        rubricVersion.freeze(now);
    }

    /** Stops new invitations; attempts already started carry on. */
    public void close(Instant now) {
        if (status != AssessmentStatus.OPEN) {
            throw new TaskBankException("Only an open assessment can be closed.");
        }
        status = AssessmentStatus.CLOSED;
        updatedAt = now;
        closedAt = now;
    }

    private void requireDraft() {
        if (status != AssessmentStatus.DRAFT) {
            throw new TaskBankException("This assessment is " + status.label().toLowerCase()
                    + " and can no longer be changed; duplicate it to make a changed version.");
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public JobRole getRole() {
        return role;
    }

    public RubricVersion getRubricVersion() {
        return rubricVersion;
    }

    public int getTotalMinutes() {
        return totalMinutes;
    }

    public String getIntroText() {
        return introText;
    }

    public boolean isAccommodationsAllowed() {
        return accommodationsAllowed;
    }

    public AssessmentStatus getStatus() {
        return status;
    }

    public List<AssessmentSlot> getSlots() {
        return List.copyOf(slots);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
