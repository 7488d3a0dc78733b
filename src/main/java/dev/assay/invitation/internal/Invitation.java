package dev.assay.invitation.internal;

import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumMap;
import java.util.Map;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One candidate's invitation to one assessment. The link's token is kept only as its hash; re-sending
 * replaces the hash, so the old link stops working. Holds the rules about when a link may be used.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    /** The stored part of the lifecycle; "expired" is derived from the start deadline. */
    public enum Stage { SENT, OPENED, STARTED, SUBMITTED, REVOKED }

    public static final int MAX_ACCOMMODATION = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;

    @Column(name = "candidate_code", nullable = false, unique = true, length = 12)
    private String candidateCode;

    @Column(name = "candidate_name", nullable = false, length = 200)
    private String candidateName;

    @Column(name = "candidate_email", nullable = false, length = 254)
    private String candidateEmail;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "accommodation_percent", nullable = false)
    private int accommodationPercent;

    @Column(name = "start_deadline", nullable = false)
    private Instant startDeadline;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Stage stage = Stage.SENT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 254)
    private String createdBy;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Invitation() {
    }

    /** Everything wrong with a new invitation, by field, in the order of the form; empty when it is fine. */
    public static Map<InvitationField, String> problems(String name, String email, int accommodation, Instant startDeadline,
            Instant now) {
        Map<InvitationField, String> problems = new EnumMap<>(InvitationField.class);
        if (name == null || name.isBlank()) {
            problems.put(InvitationField.NAME, "Enter the candidate's name.");
        } else if (name.strip().length() > 200) {
            problems.put(InvitationField.NAME, "A name can be at most 200 characters.");
        } else {
            dev.assay.base.PlainText.problem(name.strip()).ifPresent(p -> problems.put(InvitationField.NAME, "The name " + p + "."));
        }
        if (email == null || email.isBlank()) {
            problems.put(InvitationField.EMAIL, "Enter the candidate's email address.");
        } else if (!Emails.isValid(email)) {
            problems.put(InvitationField.EMAIL, "Enter a valid email address, like name@example.com.");
        }
        if (accommodation < 0 || accommodation > MAX_ACCOMMODATION) {
            problems.put(InvitationField.ACCOMMODATION, "Extra time is a percentage from 0 to " + MAX_ACCOMMODATION + ".");
        }
        if (startDeadline == null) {
            problems.put(InvitationField.START_DEADLINE, "Choose the date and time by which they must start.");
        } else if (!startDeadline.isAfter(now)) {
            problems.put(InvitationField.START_DEADLINE, "The deadline to start must be in the future.");
        }
        return problems;
    }

    public static Invitation create(long assessmentId, String code, String name, String email, int accommodation,
            Instant startDeadline, String tokenHash, String by, Instant now) {
        Map<InvitationField, String> problems = problems(name, email, accommodation, startDeadline, now);
        if (!problems.isEmpty()) {
            throw new InvitationException(String.join(" ", problems.values()));
        }
        Invitation i = new Invitation();
        i.assessmentId = assessmentId;
        i.candidateCode = code;
        i.candidateName = name.strip();
        i.candidateEmail = email.strip();
        i.emailKey = Emails.key(email);
        i.accommodationPercent = accommodation;
        i.startDeadline = startDeadline;
        i.tokenHash = tokenHash;
        i.createdAt = now;
        i.createdBy = by;
        i.lastSentAt = now;
        i.updatedAt = now;
        return i;
    }

    public InvitationStatus status(Instant now) {
        return switch (stage) {
            case REVOKED -> InvitationStatus.REVOKED;
            case SUBMITTED -> InvitationStatus.SUBMITTED;
            case STARTED -> InvitationStatus.STARTED;
            case SENT, OPENED -> now.isAfter(startDeadline) ? InvitationStatus.EXPIRED
                    : stage == Stage.OPENED ? InvitationStatus.OPENED : InvitationStatus.SENT;
        };
    }

    /** Issues a new link (the old one stops working), optionally with a new deadline to start. */
    public void reissue(String newTokenHash, Instant newDeadline, Instant now) {
        if (stage == Stage.STARTED || stage == Stage.SUBMITTED) {
            throw new InvitationException("This candidate has already started; a new link is not needed.");
        }
        Instant deadline = newDeadline == null ? startDeadline : newDeadline;
        if (!deadline.isAfter(now)) {
            throw new InvitationException("The deadline to start has passed: choose a new deadline to re-send.");
        }
        tokenHash = newTokenHash;
        startDeadline = deadline;
        stage = Stage.SENT;
        openedAt = null;
        revokedAt = null;
        lastSentAt = now;
        updatedAt = now;
    }

    public void revoke(Instant now) {
        if (stage == Stage.SUBMITTED) {
            throw new InvitationException("This candidate has already submitted; there is no link left to revoke.");
        }
        if (stage != Stage.REVOKED) {
            stage = Stage.REVOKED;
            revokedAt = now;
            updatedAt = now;
        }
    }

    /** Records that the candidate opened the link (the first time only). */
    public void markOpened(Instant now) {
        if (stage == Stage.SENT) {
            stage = Stage.OPENED;
            openedAt = now;
            updatedAt = now;
        }
    }

    /** The candidate began the assessment: the link now resumes their attempt until they submit. */
    public void markStarted(Instant now) {
        if (stage == Stage.REVOKED) {
            throw new InvitationException("This link was revoked.");
        }
        if (stage == Stage.SENT || stage == Stage.OPENED) {
            if (now.isAfter(startDeadline)) {
                throw new InvitationException("The deadline to start this assessment has passed.");
            }
            if (openedAt == null) {
                openedAt = now;
            }
            stage = Stage.STARTED;
            startedAt = now;
            updatedAt = now;
        }
    }

    public void markSubmitted(Instant now) {
        if (stage != Stage.SUBMITTED) {
            stage = Stage.SUBMITTED;
            submittedAt = now;
            updatedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public String getCandidateCode() {
        return candidateCode;
    }

    public String getCandidateName() {
        return candidateName;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCandidateEmail() {
        return candidateEmail;
    }

    public int getAccommodationPercent() {
        return accommodationPercent;
    }

    public Instant getStartDeadline() {
        return startDeadline;
    }

    public Stage getStage() {
        return stage;
    }

    /** When anything about the invitation last changed, as far as the invitation knows. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastSentAt() {
        return lastSentAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
