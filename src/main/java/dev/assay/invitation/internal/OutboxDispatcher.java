package dev.assay.invitation.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends pending outbox messages through the configured SMTP server, a batch every few seconds. Without
 * an SMTP server ({@code spring.mail.host} unset) messages are held in the outbox for recruiters.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 200;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;

    OutboxDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, Clock clock,
            @Value("${assay.mail.from:Assay <no-reply@assay.example>}") String from) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${assay.mail.dispatch-interval:PT3S}",
            initialDelayString = "${assay.mail.dispatch-initial-delay:PT5S}")
    @Transactional
    public int dispatchPending() {
        List<OutboxMessage> pending = outbox.findByDeliveryOrderByIdAsc(OutboxMessage.Delivery.PENDING,
                PageRequest.of(0, BATCH));
        JavaMailSender sender = mailSender.getIfAvailable();
        int sent = 0;
        for (OutboxMessage message : pending) {
            if (sender == null) {
                message.held();
                continue;
            }
            try {
                SimpleMailMessage mail = new SimpleMailMessage();
                mail.setFrom(from);
                mail.setTo(message.getRecipient());
                mail.setSubject(message.getSubject());
                mail.setText(message.getBody());
                sender.send(mail);
                message.sent(clock.instant(), InvitationMail.redact(message.getBody()));
                sent++;
            } catch (MailException e) {
                message.failed(e.getMessage());
                log.warn("Mail to outbox message {} not sent (attempt {}): {}", message.getId(), message.getAttempts(),
                        e.getMessage());
            }
        }
        if (sent > 0) {
            log.info("Sent {} outbox messages", sent);
        }
        return sent;
    }
}
