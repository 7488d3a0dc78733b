package dev.assay.staff.internal;

import dev.assay.base.DisplayName;
import dev.assay.base.SignedInAccount;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in. Kept in the HTTP session, so it holds ids and names only, plus the account's session
 * stamp at sign-in (see {@link StaffAccount#endSessions()}).
 */
public record StaffPrincipal(long accountId, String email, String fullName, String sessionStamp,
        boolean mustChangePassword) implements AuthenticatedPrincipal, DisplayName, SignedInAccount, Serializable {

    /** A principal for work the application does itself as a staff member; it has no web session. */
    public StaffPrincipal(long accountId, String email, String fullName) {
        this(accountId, email, fullName, null, false);
    }

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String displayName() {
        return fullName;
    }

    /** The same person after choosing a password: the new stamp, and nothing left to change. */
    public StaffPrincipal withNewPassword(String newStamp) {
        return new StaffPrincipal(accountId, email, fullName, newStamp, false);
    }
}
