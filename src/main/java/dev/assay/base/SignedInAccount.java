package dev.assay.base;

/**
 * A signed-in staff member as the web layer sees them: which account, the account's session stamp when they
 * signed in (a session whose stamp no longer matches the account's has ended), and whether they must choose
 * a new password before using anything else.
 */
public interface SignedInAccount {

    long accountId();

    String sessionStamp();

    boolean mustChangePassword();
}
