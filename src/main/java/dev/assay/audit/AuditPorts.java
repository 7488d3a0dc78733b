package dev.assay.audit;

import dev.assay.audit.internal.Appender;
import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The audit module's port: appends entries for the other modules. */
@Component
@Transactional
class AuditPorts implements AuditTrail {

    /** The actor of what a candidate does through their link. */
    public static final String CANDIDATE = "candidate (own link)";

    private final Appender appender;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AuditPorts(Appender appender, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.appender = appender;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public AuditEntry record(String action, String subject, String details, String reason) {
        return AuditLog.view(appender.append(clock.instant(), SystemAuthentication.currentName(), action, subject,
                details, reason));
    }

    @Override
    public int forgetReasons(java.util.Collection<String> subjects) {
        int removed = 0;
        for (String subject : subjects) {
            removed += jdbc.sql("update audit_entry set reason = null where subject = ? and reason is not null "
                    + "and reason_digest is not null").param(subject).update();
        }
        return removed;
    }

    @Override
    public AuditEntry recordByCandidate(String action, String subject, String details) {
        if (action == null || !action.startsWith("candidate.")) {
            throw new IllegalArgumentException("Only candidate actions are recorded as a candidate's");
        }
        return AuditLog.view(appender.append(clock.instant(), CANDIDATE, action, subject, details, null));
    }

    @Override
    public AuditEntry recordSignIn(String actor, String action, String subject, String details) {
        if (action == null || !action.startsWith("sign_in.")) {
            throw new IllegalArgumentException("Only sign-in events are recorded without a signed-in person");
        }
        return AuditLog.view(appender.append(clock.instant(), actor, action, subject, details, null));
    }
}
