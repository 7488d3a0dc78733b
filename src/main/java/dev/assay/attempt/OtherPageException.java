package dev.assay.attempt;

/** A save came from a page (tab) of the attempt that is no longer the one saving it. */
public class OtherPageException extends AttemptException {

    public OtherPageException() {
        super("This assessment is now open in another tab or window, and that one saves your work. Nothing "
                + "from this tab overwrote it.");
    }
}
