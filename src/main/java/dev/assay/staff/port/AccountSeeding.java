package dev.assay.staff.port;

import dev.assay.staff.StaffRole;

/**
 * Accounts created by the installation itself, with a password it chose: the demo data's staff. Never
 * reachable from a request; people create accounts through {@link dev.assay.staff.StaffService}.
 */
public interface AccountSeeding {

    /** Whether any staff account exists yet. */
    boolean anyAccount();

    void seed(String fullName, String email, StaffRole role, String password);
}
