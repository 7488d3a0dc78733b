/**
 * Staff accounts (admins, recruiters, reviewers), their roles, and sign-in with throttling.
 * Public: {@link dev.assay.staff.StaffService}, its records and {@link dev.assay.staff.StaffRole}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff",
        allowedDependencies = {"base", "base :: ui", "audit", "audit :: port"})
package dev.assay.staff;
