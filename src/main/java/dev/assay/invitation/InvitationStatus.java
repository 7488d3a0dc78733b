package dev.assay.invitation;

/** Where an invitation is, as recruiters see it. Expired is derived: not started by the start deadline. */
public enum InvitationStatus {
    SENT("Sent"),
    OPENED("Opened"),
    STARTED("Started"),
    SUBMITTED("Submitted"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    InvitationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
