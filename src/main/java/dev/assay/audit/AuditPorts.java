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

    private final Appender appender;
    private final Clock clock;

    AuditPorts(Appender appender, Clock clock) {
        this.appender = appender;
        this.clock = clock;
    }

    @Override
    public AuditEntry record(String action, String subject, String details, String reason) {
        return AuditLog.view(appender.append(clock.instant(), SystemAuthentication.currentName(), action, subject,
                details, reason));
    }

    @Override
    public AuditEntry recordSignIn(String actor, String action, String subject, String details) {
        if (action == null || !action.startsWith("sign_in.")) {
            throw new IllegalArgumentException("Only sign-in events are recorded without a signed-in person");
        }
        return AuditLog.view(appender.append(clock.instant(), actor, action, subject, details, null));
    }
}
