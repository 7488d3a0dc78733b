package dev.assay.attempt;

/** Something the candidate is told instead of an error page: what happened and what to do. */
public class AttemptException extends RuntimeException {

    public AttemptException(String message) {
        super(message);
    }
}
