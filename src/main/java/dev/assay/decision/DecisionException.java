package dev.assay.decision;

/** A decision that cannot be recorded as asked; the message says why, in words for the recruiter. */
public class DecisionException extends RuntimeException {

    public DecisionException(String message) {
        super(message);
    }
}
