package dev.assay.invitation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A message to send, written in the same transaction as the invitation it belongs to (so no invitation is
 * ever created without its mail, or mailed without existing). A dispatcher sends it when SMTP is
 * configured; otherwise it stays here for a recruiter to read and pass on.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public enum Delivery {
        /** Waiting for the dispatcher. */
        PENDING,
        /** Handed to the SMTP server. */
        SENT,
        /** No SMTP server is configured: a recruiter passes the message on from the outbox. */
        HELD,
        /** The SMTP server refused it too often; see the detail. */
        FAILED
    }

    public static final int MAX_ATTEMPTS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invitation_id")
    private Long invitationId;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    /** The text as mailed; encrypted in the database (it may hold a working link until sent or withdrawn). */
    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    @Convert(converter = SealedText.class)
    private String body;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Delivery delivery = Delivery.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "delivery_detail", length = 500)
    private String deliveryDetail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The node that claimed the message for sending, and until when (see OutboxDispatcher). */
    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Version
    private long version;

    protected OutboxMessage() {
    }

    public static OutboxMessage of(Long invitationId, String recipient, String subject, String body, Instant now) {
        OutboxMessage m = new OutboxMessage();
        m.invitationId = invitationId;
        m.recipient = recipient;
        m.subject = subject;
        m.body = body;
        m.createdAt = now;
        return m;
    }

    public void sent(Instant now, String redactedBody) {
        delivery = Delivery.SENT;
        sentAt = now;
        attempts++;
        deliveryDetail = null;
        release();
        // Once mailed, the outbox copy no longer needs the working link.
        body = redactedBody;
    }

    public void held() {
        delivery = Delivery.HELD;
        release();
        deliveryDetail = "Not emailed: this installation has no mail server set up. Copy the link from here and send it to the candidate.";
    }

    public void failed(String detail) {
        attempts++;
        release();
        deliveryDetail = detail == null ? "Unknown error" : detail.substring(0, Math.min(detail.length(), 480));
        if (attempts >= MAX_ATTEMPTS) {
            delivery = Delivery.FAILED;
        }
    }

    /** Whether this node's claim on the message still holds (no other node can have claimed it since). */
    public boolean claimedBy(String owner, Instant now) {
        return owner.equals(leaseOwner) && leaseUntil != null && leaseUntil.isAfter(now);
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }

    /** Supersedes a message whose link no longer works (the invitation was re-sent or revoked). */
    public void withdraw(String redactedBody) {
        if (delivery == Delivery.PENDING || delivery == Delivery.HELD) {
            delivery = Delivery.FAILED;
            deliveryDetail = "Withdrawn: the invitation was re-sent or revoked, so this link no longer works.";
            body = redactedBody;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getInvitationId() {
        return invitationId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getDeliveryDetail() {
        return deliveryDetail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
