package dev.assay.staff;

import java.util.Set;

/** What an admin enters to create a staff account. */
public record NewStaffMember(String fullName, String email, Set<StaffRole> roles) {
}
