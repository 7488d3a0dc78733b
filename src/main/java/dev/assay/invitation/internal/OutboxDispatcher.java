package dev.assay.invitation.internal;

import dev.assay.base.ClusterJobs;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending outbox messages through the configured SMTP server, a batch every few seconds. Without
 * an SMTP server ({@code spring.mail.host} unset) messages are held in the outbox for recruiters.
 *
 * <p>Every node of a cluster runs this. A node first claims a batch: one conditional update gives the batch's
 * messages this node's name and a lease ({@code assay.mail.lease}, ten minutes); a message already under another node's unexpired lease
 * is left alone, so no two nodes send the same message. Each message is then sent and marked sent in a
 * transaction of its own, outside the claim, so a failure later in the batch never undoes what was already sent
 * and recorded. A node that dies mid-batch leaves the rest under its lease; when the lease runs out another node
 * sends them. The one message a node may have handed to the SMTP server without living to record it is sent
 * again then: SMTP gives no way to ask whether a message arrived, so delivery is at least once for that message,
 * exactly once for every other. Every message carries a Message-ID made from its outbox id, the same on every
 * attempt, so a mail system that collapses duplicates by Message-ID collapses that one too.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 200;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;
    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final String node;
    /** How long a claim holds: far longer than a batch takes (a message's SMTP timeouts add up to 70 s at most). */
    private final Duration lease;
    /** A message is sent only while a fifth of the lease is left: more than one send can take. */
    private final Duration leaseLeft;
    private final String messageIdDomain;

    OutboxDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, Clock clock,
            @Value("${assay.mail.from:Assay <no-reply@assay.example>}") String from, JdbcClient jdbc,
            PlatformTransactionManager transactions, ClusterJobs cluster,
            @Value("${assay.mail.lease:PT10M}") Duration lease) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = cluster.node();
        this.lease = lease;
        this.leaseLeft = lease.dividedBy(5);
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<')))
                : from;
        this.messageIdDomain = address.contains("@") ? address.substring(address.indexOf('@') + 1).strip()
                : "assay.invalid";
    }

    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /** Claims a batch of pending messages and sends them; returns how many were sent. */
    @Scheduled(fixedDelayString = "${assay.mail.dispatch-interval:PT3S}",
            initialDelayString = "${assay.mail.dispatch-initial-delay:PT5S}")
    public int dispatchPending() {
        return send(claim(), node);
    }

    /** Gives up to a batch of unclaimed (or expired) pending messages this node's lease; returns their ids. */
    List<Long> claim() {
        return claim(node);
    }

    List<Long> claim(String owner) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Long> batch = jdbc.sql("select id from outbox_message where delivery = 'PENDING' "
                + "and (lease_until is null or lease_until <= ?) order by id limit ?")
                .params(Timestamp.from(now), BATCH).query(Long.class).list();
        if (batch.isEmpty()) {
            return List.of();
        }
        Timestamp until = Timestamp.from(now.plus(lease));
        // The same condition again, row by row under the update's lock: a message another node claimed since the
        // select above no longer matches and is left out.
        separate.executeWithoutResult(status -> jdbc.sql("update outbox_message "
                + "set lease_owner = :owner, lease_until = :until "
                + "where id in (:ids) and delivery = 'PENDING' and (lease_until is null or lease_until <= :now)")
                .param("owner", owner).param("until", until).param("ids", batch).param("now", Timestamp.from(now))
                .update());
        return jdbc.sql("select id from outbox_message where lease_owner = :owner and lease_until = :until "
                + "and delivery = 'PENDING' order by id")
                .param("owner", owner).param("until", until).query(Long.class).list();
    }

    int send(List<Long> claimed, String owner) {
        JavaMailSender sender = mailSender.getIfAvailable();
        int sent = 0;
        for (Long id : claimed) {
            OutboxMessage message = outbox.findById(id).orElse(null);
            if (message == null || message.getDelivery() != OutboxMessage.Delivery.PENDING) {
                continue; // withdrawn meanwhile
            }
            if (!message.claimedBy(owner, clock.instant().plus(leaseLeft))) {
                // A slow mail server used up most of the lease: leave the rest to the next round, claimed afresh.
                break;
            }
            if (sender == null) {
                record(id, m -> m.held());
                continue;
            }
            try {
                MimeMessage mail = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(message.getRecipient());
                helper.setSubject(message.getSubject());
                helper.setText(message.getBody());
                // Kept by Spring's sender (it restores an explicit Message-ID after saveChanges).
                mail.setHeader("Message-ID", "<outbox-" + id + "@" + messageIdDomain + ">");
                sender.send(mail);
                Instant at = clock.instant();
                record(id, m -> m.sent(at, InvitationMail.redact(m.getBody())));
                sent++;
            } catch (MessagingException e) {
                record(id, m -> m.failed(e.getMessage()));
                log.warn("Outbox message {} could not be composed: {}", id, e.getMessage());
            } catch (MailException e) {
                record(id, m -> m.failed(e.getMessage()));
                log.warn("Mail to outbox message {} not sent (attempt {}): {}", id, message.getAttempts() + 1,
                        e.getMessage());
            }
        }
        if (sent > 0) {
            log.info("Sent {} outbox messages", sent);
        }
        return sent;
    }

    private void record(Long id, java.util.function.Consumer<OutboxMessage> change) {
        try {
            separate.executeWithoutResult(status -> outbox.findById(id).ifPresent(change));
        } catch (OptimisticLockingFailureException e) {
            // Withdrawn by a recruiter at the same moment: what they did stands.
            log.info("Outbox message {} changed while it was being sent; left as it now is", id);
        }
    }
}
