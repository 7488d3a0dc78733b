package dev.assay.base;

/**
 * Whether a signed-in session still stands: the account exists, is enabled, and its access has not changed
 * since the session began. Implemented by the staff module; asked on every signed-in request, so disabling an
 * account, changing its roles or its password ends its other sessions at once, on every node.
 */
public interface AccountSessions {

    boolean stillValid(SignedInAccount session);
}
