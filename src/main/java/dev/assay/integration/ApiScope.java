package dev.assay.integration;

/** What an API key may do. Each scope is the authority {@code SCOPE_<name>} of a request made with the key. */
public enum ApiScope {
    /** List assessments and read invitations and results. */
    READ("read", "Read assessments, invitations and results"),
    /** Invite candidates, re-send and revoke invitations. */
    INVITE("invite", "Invite candidates and manage their invitations");

    private final String key;
    private final String label;

    ApiScope(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority this scope grants. */
    public String authority() {
        return "SCOPE_" + key;
    }
}
