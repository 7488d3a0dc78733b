package dev.assay.review;

/** A review action that cannot be done, with a message the person can act on. */
public class ReviewException extends RuntimeException {

    public ReviewException(String message) {
        super(message);
    }
}
