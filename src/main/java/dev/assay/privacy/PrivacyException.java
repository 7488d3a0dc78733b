package dev.assay.privacy;

/** A subject access or erasure request that cannot be carried out as asked; the message says why. */
public class PrivacyException extends RuntimeException {

    public PrivacyException(String message) {
        super(message);
    }
}
