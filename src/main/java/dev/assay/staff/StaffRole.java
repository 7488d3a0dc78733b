package dev.assay.staff;

/** What a staff account may do. An account holds one or more roles. */
public enum StaffRole {
    ADMIN("Admin", "Manages staff accounts, retention and the audit log"),
    RECRUITER("Recruiter", "Defines roles, rubrics and tasks; invites candidates; reads rankings"),
    REVIEWER("Reviewer", "Scores assigned submissions blind against the rubric");

    private final String label;
    private final String description;

    StaffRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
