package dev.assay.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A declared conflict of interest: this reviewer never reviews this candidate. */
@Entity
@Table(name = "review_conflict")
public class Conflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invitation_id", nullable = false)
    private long invitationId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    private String note;

    @Column(name = "declared_by", nullable = false)
    private String declaredBy;

    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    protected Conflict() {
    }

    public Conflict(long invitationId, long staffId, String note, String declaredBy, Instant declaredAt) {
        this.invitationId = invitationId;
        this.staffId = staffId;
        this.note = note;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
    }

    public long getInvitationId() {
        return invitationId;
    }

    public long getStaffId() {
        return staffId;
    }

    public String getNote() {
        return note;
    }
}
