package dev.assay.staff.internal;

import dev.assay.base.AccountSessions;
import dev.assay.base.SignedInAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A staff session stands while its account is enabled and its session stamp is unchanged. */
@Component
class StaffSessions implements AccountSessions {

    private final JdbcClient jdbc;

    StaffSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean stillValid(SignedInAccount session) {
        if (session.sessionStamp() == null) {
            return true;
        }
        return jdbc.sql("select session_stamp from staff_account where id = ? and enabled = true")
                .param(session.accountId()).query(String.class).optional()
                .map(session.sessionStamp()::equals).orElse(false);
    }
}
