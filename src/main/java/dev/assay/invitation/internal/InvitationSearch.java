package dev.assay.invitation.internal;

import dev.assay.base.SearchText;
import dev.assay.invitation.InvitationStatus;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The invitations grid's filter as a database query; "expired" is computed from the start deadline. */
public final class InvitationSearch {

    private InvitationSearch() {
    }

    public static Specification<Invitation> matching(long assessmentId, InvitationStatus status, String text, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("assessmentId"), assessmentId));
            if (text != null && !text.isBlank()) {
                String like = SearchText.containsPattern(text);
                where.add(cb.or(cb.like(cb.lower(root.get("candidateName")), like, SearchText.ESCAPE),
                        cb.like(root.get("emailKey"), like, SearchText.ESCAPE),
                        cb.like(cb.lower(root.get("candidateCode")), like, SearchText.ESCAPE)));
            }
            if (status != null) {
                var stage = root.get("stage");
                var deadline = root.<Instant>get("startDeadline");
                where.add(switch (status) {
                    case SENT -> cb.and(cb.equal(stage, Invitation.Stage.SENT), cb.greaterThanOrEqualTo(deadline, now));
                    case OPENED -> cb.and(cb.equal(stage, Invitation.Stage.OPENED), cb.greaterThanOrEqualTo(deadline, now));
                    case EXPIRED -> cb.and(stage.in(Invitation.Stage.SENT, Invitation.Stage.OPENED), cb.lessThan(deadline, now));
                    case STARTED -> cb.equal(stage, Invitation.Stage.STARTED);
                    case SUBMITTED -> cb.equal(stage, Invitation.Stage.SUBMITTED);
                    case REVOKED -> cb.equal(stage, Invitation.Stage.REVOKED);
                });
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Invitations of one assessment (or all, when null) changed at or after {@code since} (or ever, when null). */
    public static Specification<Invitation> changed(Long assessmentId, Instant since) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (assessmentId != null) {
                where.add(cb.equal(root.get("assessmentId"), assessmentId));
            }
            if (since != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), since));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
