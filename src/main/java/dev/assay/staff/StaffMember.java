package dev.assay.staff;

import java.time.Instant;
import java.util.Set;

/** A staff account as views see it: never the password hash. */
public record StaffMember(
        long id,
        String email,
        String fullName,
        Set<StaffRole> roles,
        boolean enabled,
        Instant lockedUntil,
        Instant createdAt,
        Instant lastSignInAt) {

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean hasRole(StaffRole role) {
        return roles.contains(role);
    }
}
