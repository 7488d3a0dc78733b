package dev.assay.base;

/**
 * Implemented by authenticated principals that can tell the layout how to greet the person signed in,
 * so the layout need not know which module authenticated them.
 */
public interface DisplayName {

    String displayName();
}
