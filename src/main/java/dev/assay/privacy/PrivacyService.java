package dev.assay.privacy;

import dev.assay.attempt.port.CandidateData;
import dev.assay.audit.port.AuditTrail;
import dev.assay.decision.port.DecisionRecords;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.port.CandidateReviews;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject access and erasure for one candidate, found by the email they were invited with. Admins only; both are
 * audited under the admin's name with the candidate's code, never their name or email, so erasing the person
 * leaves the audit chain whole and verifiable.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class PrivacyService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CandidateRecords invitations;
    private final CandidateData attempts;
    private final CandidateReviews reviews;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Clock clock;

    private final RetentionJob retention;
    private final CandidateForgetting forgetting;

    PrivacyService(CandidateRecords invitations, CandidateData attempts, CandidateReviews reviews,
            DecisionRecords decisions, AuditTrail audit, Clock clock, RetentionJob retention,
            CandidateForgetting forgetting) {
        this.retention = retention;
        this.forgetting = forgetting;
        this.invitations = invitations;
        this.attempts = attempts;
        this.reviews = reviews;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long each kind of candidate data is kept after its assessment closes. */
    @Transactional(readOnly = true)
    public Map<DataCategory, java.time.Duration> retention() {
        return retention.periods();
    }

    /** The invitations sent to this email address, oldest first. */
    @Transactional(readOnly = true)
    public List<InvitationView> find(String email) {
        return invitations.findByEmail(email);
    }

    /**
     * Everything Assay holds about the candidate invited with this email, as one JSON document: each invitation
     * with the attempt (answers, assistant conversations, signals, self-identification), the review (levels and
     * comments, reviewers numbered, not named) and the decisions (outcome, reason, time). Audited per invitation.
     */
    public String export(String email) {
        List<InvitationView> found = invitations.findByEmail(email);
        if (found.isEmpty()) {
            throw new PrivacyException("No candidate was invited with this email address.");
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("exported_at", clock.instant().toString());
        file.put("email", email.strip());
        file.put("about", "Everything Assay holds about the candidate invited with this email address. Reviewers "
                + "are numbered rather than named; scores are on the rubric's 1-5 levels.");
        List<Object> all = new ArrayList<>();
        for (InvitationView i : found) {
            Map<String, Object> entry = new LinkedHashMap<>(invitations.export(i.id()));
            entry.putAll(attempts.export(i.id()));
            entry.put("review", reviews.export(i.id()));
            reviews.submission(i.id()).ifPresent(s -> entry.put("decisions", decisions.export(s)));
            all.add(entry);
            audit.record("candidate.exported", "candidate " + i.candidateCode(), "Subject access export", null);
        }
        file.put("invitations", all);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plain(file));
    }

    /**
     * Erases the candidate invited with this email: in every invitation, their name and email become
     * placeholders and their link stops working; their answers, assistant conversations, self-identification,
     * requests and messages are deleted; written comments and reasons about them are removed. Levels, decisions'
     * outcomes, signal counts and codes stay, so rankings, statistics and the audit chain stay consistent. The
     * person must type the email again to confirm. Returns how many invitations were erased.
     */
    public int erase(String email, String confirmation, String reason) {
        if (email == null || confirmation == null
                || !email.strip().equalsIgnoreCase(confirmation.strip())) {
            throw new PrivacyException("Type the email address again, exactly, to confirm.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new PrivacyException("Say why, for the record (for example, the date of the candidate's request).");
        }
        List<InvitationView> found = invitations.findByEmail(email);
        if (found.isEmpty()) {
            throw new PrivacyException("No candidate was invited with this email address.");
        }
        for (InvitationView i : found) {
            forgetting.erase(i.id());
            audit.record("candidate.erased", "candidate " + i.candidateCode(), "Name, email, answers, conversations, "
                    + "self-identification, requests, messages and written comments erased; levels, outcomes and "
                    + "codes kept", why);
        }
        return found.size();
    }

    /** Database values as JSON-friendly ones: times as ISO-8601 UTC, large text as text, answers as JSON. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k).toLowerCase(Locale.ROOT);
                Object plain = plain(v);
                if (key.equals("answer_json") && plain instanceof String text) {
                    out.put("answer", JSON.readTree(text));
                } else {
                    out.put(key, plain);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PrivacyService::plain).toList();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.time.Instant t) {
            return t.toString();
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read stored text", e);
            }
        }
        return value;
    }
}
