package dev.assay.staff.internal;

import dev.assay.base.DisplayName;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/** Who is signed in. Kept in the HTTP session, so it holds ids and names only. */
public record StaffPrincipal(long accountId, String email, String fullName)
        implements AuthenticatedPrincipal, DisplayName, Serializable {

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String displayName() {
        return fullName;
    }
}
