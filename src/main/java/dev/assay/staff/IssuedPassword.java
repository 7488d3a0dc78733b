package dev.assay.staff;

/**
 * A freshly generated password, returned once so the admin can hand it over. Only its hash is stored.
 */
public record IssuedPassword(StaffMember member, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[member=" + member.email() + ", password=<hidden>]";
    }
}
