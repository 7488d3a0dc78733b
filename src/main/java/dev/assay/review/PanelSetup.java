package dev.assay.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An assessment's review panel as the recruiter sets it up. {@code version} is -1 before the first save;
 * {@code calibrationItems} counts the assessment's active calibration items.
 */
public record PanelSetup(long assessmentId, List<Reviewer> available, Set<Long> members, int reviewsPerSubmission,
        int linkingCount, int dueDays, Instant closedAt, String closedBy, long version, PanelRules rules,
        int calibrationItems) {

    /** A reviewer who can be put on a panel. {@code alsoRecruiter}: can see candidates' names elsewhere. */
    public record Reviewer(long id, String name, String email, boolean alsoRecruiter) {
    }

    public boolean exists() {
        return version >= 0;
    }

    public boolean closed() {
        return closedAt != null;
    }
}
