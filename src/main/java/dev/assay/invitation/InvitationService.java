package dev.assay.invitation;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SearchText;
import dev.assay.base.SystemAuthentication;
import dev.assay.base.Utf8;
import dev.assay.invitation.InvitationException.RowProblem;
import dev.assay.invitation.internal.CandidateCodes;
import dev.assay.invitation.internal.CandidateCsv;
import dev.assay.invitation.internal.Emails;
import dev.assay.invitation.internal.Invitation;
import dev.assay.invitation.internal.InvitationMail;
import dev.assay.invitation.internal.InvitationRepository;
import dev.assay.invitation.internal.InvitationSearch;
import dev.assay.invitation.internal.OutboxDispatcher;
import dev.assay.invitation.internal.OutboxMessage;
import dev.assay.invitation.internal.OutboxRepository;
import dev.assay.invitation.internal.Tokens;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.AssessmentView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Inviting candidates to an open assessment, one at a time or from a CSV file, and managing their links. */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class InvitationService {

    public static final int MAX_CSV_BYTES = 5 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    private final InvitationRepository invitations;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final InvitationMail mail;
    private final AssessmentService assessments;
    private final AuditTrail audit;
    private final Clock clock;
    private final InvitationPorts ports;

    InvitationService(InvitationRepository invitations, OutboxRepository outbox, OutboxDispatcher dispatcher,
            InvitationMail mail, AssessmentService assessments, AuditTrail audit, Clock clock, InvitationPorts ports) {
        this.ports = ports;
        this.invitations = invitations;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.mail = mail;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Everything wrong with an invitation before it is sent, by form field: the same rules {@link #invite}
     * applies, so a form can mark every field at once instead of one problem per attempt.
     */
    @Transactional(readOnly = true)
    public java.util.Map<InvitationField, String> problems(long assessmentId, NewInvitation candidate) {
        var problems = Invitation.problems(candidate.name(), candidate.email(), candidate.accommodationPercent(),
                candidate.startDeadline(), clock.instant());
        AssessmentView assessment = assessments.get(assessmentId);
        if (candidate.accommodationPercent() > 0 && !assessment.accommodationsAllowed()) {
            problems.put(InvitationField.ACCOMMODATION, "This assessment does not allow extra time.");
        }
        if (!problems.containsKey(InvitationField.EMAIL) && invitations.existsByAssessmentIdAndEmailKey(assessmentId,
                Emails.key(candidate.email()))) {
            problems.put(InvitationField.EMAIL, candidate.email().strip() + " is already invited to this assessment. "
                    + "Re-send their invitation from the list instead.");
        }
        return problems;
    }

    /** Invites one candidate; the mail goes out through the outbox. */
    public IssuedInvitation invite(long assessmentId, NewInvitation candidate) {
        AssessmentView assessment = openAssessment(assessmentId);
        if (candidate.accommodationPercent() > 0 && !assessment.accommodationsAllowed()) {
            throw new InvitationException("This assessment does not allow extra time.");
        }
        if (candidate.email() != null && invitations.existsByAssessmentIdAndEmailKey(assessmentId, Emails.key(candidate.email()))) {
            throw new InvitationException(candidate.email().strip() + " is already invited to this assessment. "
                    + "Re-send their invitation from the list instead.");
        }
        String token = Tokens.next();
        Invitation invitation = invitations.save(Invitation.create(assessmentId,
                CandidateCodes.next(invitations::existsByCandidateCode), candidate.name(), candidate.email(),
                candidate.accommodationPercent(), candidate.startDeadline(), Tokens.hash(token), actor(), clock.instant()));
        String link = mail.link(token);
        queueMail(invitation, about(assessment), link);
        log.info("Invitation {} ({}) to assessment {} created by {}", invitation.getId(), invitation.getCandidateCode(),
                assessmentId, actor());
        audit.record("candidate.invited", "candidate " + invitation.getCandidateCode(),
                "Invited to assessment " + assessmentId + "; name and email recorded with invitation "
                        + invitation.getId() + ".", null);
        return new IssuedInvitation(view(invitation), link);
    }

    /**
     * Invites everyone in a CSV file ({@code name,email[,accommodation_percent]}), all or nothing: if any
     * row is bad, nobody is invited and every bad row is reported with its line number.
     */
    public int importCsv(long assessmentId, byte[] file, Instant startDeadline) {
        if (file.length > MAX_CSV_BYTES) {
            throw new InvitationException("The file is larger than 5 MB.");
        }
        AssessmentView assessment = openAssessment(assessmentId);
        if (startDeadline == null || !startDeadline.isAfter(clock.instant())) {
            throw new InvitationException("The deadline to start must be in the future.");
        }
        String text = Utf8.decodeStrictly(file).orElseThrow(() -> new InvitationException(
                "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."));
        CandidateCsv.Result read = CandidateCsv.read(text, Invitation.MAX_ACCOMMODATION, assessment.accommodationsAllowed());
        List<RowProblem> problems = new ArrayList<>(read.problems());
        Set<String> invited = alreadyInvited(assessmentId, read.rows());
        for (CandidateCsv.Row row : read.rows()) {
            if (invited.contains(Emails.key(row.email()))) {
                problems.add(new RowProblem(row.line(), Emails.key(row.email()) + " is already invited to this assessment"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
            throw new InvitationException("Nobody was invited: " + problems.size()
                    + (problems.size() == 1 ? " row needs" : " rows need") + " fixing.", problems);
        }
        Set<String> codes = new HashSet<>(invitations.findAllCodes());
        InvitationMail.About about = about(assessment);
        Instant now = clock.instant();
        List<String> created = new ArrayList<>();
        for (CandidateCsv.Row row : read.rows()) {
            String code = CandidateCodes.next(codes::contains);
            codes.add(code);
            String token = Tokens.next();
            Invitation invitation = invitations.save(Invitation.create(assessmentId, code, row.name(), row.email(),
                    row.accommodationPercent(), startDeadline, Tokens.hash(token), actor(), now));
            queueMail(invitation, about, mail.link(token));
            created.add(code);
        }
        audit.record("candidate.imported", "assessment " + assessmentId,
                created.size() + " candidates invited from a CSV file; names and emails recorded with their "
                        + "invitations. Codes: " + String.join(", ", created) + ".", null);
        log.info("{} candidates invited to assessment {} from a CSV file by {}", read.rows().size(), assessmentId, actor());
        return read.rows().size();
    }

    @Transactional(readOnly = true)
    public List<InvitationView> list(long assessmentId, InvitationStatus status, String search, int offset, int limit) {
        int size = Math.max(1, limit);
        return invitations.findAll(InvitationSearch.matching(assessmentId, status, search, clock.instant()),
                        PageRequest.of(offset / size, size, Sort.by(Sort.Direction.DESC, "id")))
                .map(this::view).getContent();
    }

    @Transactional(readOnly = true)
    public long count(long assessmentId, InvitationStatus status, String search) {
        return invitations.count(InvitationSearch.matching(assessmentId, status, search, clock.instant()));
    }

    /** Issues a new link (the old one stops working) and mails it; a new deadline may be given. */
    public IssuedInvitation resend(long invitationId, Instant newDeadline) {
        Invitation invitation = load(invitationId);
        AssessmentView assessment = openAssessment(invitation.getAssessmentId());
        String token = Tokens.next();
        invitation.reissue(Tokens.hash(token), newDeadline, clock.instant());
        withdrawEarlierMail(invitation);
        String link = mail.link(token);
        queueMail(invitation, about(assessment), link);
        log.info("Invitation {} re-sent by {}; the previous link no longer works", invitationId, actor());
        audit.record("candidate.link_resent", "candidate " + invitation.getCandidateCode(), "A new link for invitation "
                + invitationId + " was issued and mailed; the previous link stopped working. Start by "
                + invitation.getStartDeadline() + ".", null);
        return new IssuedInvitation(view(invitation), link);
    }

    /** Stops the candidate's link from working. */
    public InvitationView revoke(long invitationId) {
        Invitation invitation = load(invitationId);
        invitation.revoke(clock.instant());
        withdrawEarlierMail(invitation);
        log.info("Invitation {} revoked by {}", invitationId, actor());
        audit.record("candidate.link_revoked", "candidate " + invitation.getCandidateCode(),
                "Link of invitation " + invitationId + " revoked.", null);
        return view(invitation);
    }

    /**
     * Looks up a candidate's link. Anyone holding a link may ask: the token is the credential, and an
     * unknown or malformed token reveals nothing. Opening a usable link for the first time is recorded.
     */
    @PreAuthorize("permitAll()")
    public CandidateLink resolve(String token) {
        if (!Tokens.wellFormed(token)) {
            return CandidateLink.unknown();
        }
        return invitations.findByTokenHash(Tokens.hash(token)).map(i -> {
            Instant now = clock.instant();
            CandidateLink.State state = switch (i.status(now)) {
                case REVOKED -> CandidateLink.State.REVOKED;
                case SUBMITTED -> CandidateLink.State.SUBMITTED;
                case EXPIRED -> CandidateLink.State.EXPIRED;
                case SENT, OPENED, STARTED -> CandidateLink.State.VALID;
            };
            if (state == CandidateLink.State.VALID && i.getOpenedAt() == null) {
                invitations.markOpened(i.getId(), now);
            }
            return new CandidateLink(state, i.getId(), i.getAssessmentId(), i.getCandidateName(),
                    i.getAccommodationPercent(), i.getStartDeadline(), contact(i.getCreatedBy()));
        }).orElseGet(CandidateLink::unknown);
    }

    /** Who a candidate is, for the recruiter. */
    @Transactional(readOnly = true)
    public InvitationView identity(long invitationId) {
        return ports.identity(invitationId);
    }

    /** {@link #identity} for many invitations in one query, by invitation id; ids that do not exist are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, InvitationView> identities(java.util.Collection<Long> invitationIds) {
        return ports.identities(invitationIds);
    }

    /** The outbox, newest first; {@code search} (optional) matches recipient or subject. */
    @Transactional(readOnly = true)
    public List<OutboxMessageView> outbox(String search, int offset, int limit) {
        int size = Math.max(1, limit);
        PageRequest page = PageRequest.of(offset / size, size);
        List<OutboxMessage> messages = search == null || search.isBlank() ? outbox.findAllByOrderByIdDesc(page)
                : outbox.search(SearchText.containsPattern(search), page);
        Instant now = clock.instant();
        java.util.Map<Long, Invitation> byId = new java.util.HashMap<>();
        invitations.findAllById(messages.stream().map(OutboxMessage::getInvitationId)
                .filter(java.util.Objects::nonNull).toList()).forEach(i -> byId.put(i.getId(), i));
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        return messages.stream().map(m -> {
            Invitation i = m.getInvitationId() == null ? null : byId.get(m.getInvitationId());
            String title = i == null ? null : titles.computeIfAbsent(i.getAssessmentId(),
                    id -> assessments.get(id).title());
            return new OutboxMessageView(m.getId(), m.getRecipient(), m.getSubject(), m.getBody(),
                    m.getDelivery().name(), m.getDeliveryDetail(), m.getCreatedAt(), m.getSentAt(), title,
                    i == null ? null : i.status(now));
        }).toList();
    }

    @Transactional(readOnly = true)
    public long outboxCount(String search) {
        return search == null || search.isBlank() ? outbox.count()
                : outbox.countMatching(SearchText.containsPattern(search));
    }

    /**
     * The address candidates' links start with, and whether it is one only this computer can open
     * (localhost): then {@code ASSAY_PUBLIC_URL} needs setting before links go to real candidates.
     */
    public String publicUrl() {
        return mail.publicUrl();
    }

    public boolean linksOnlyWorkLocally() {
        return mail.pointsToThisComputer();
    }

    /** Whether mail is handed to an SMTP server; if not, the outbox is where messages wait. */
    @Transactional(readOnly = true)
    public boolean smtpConfigured() {
        return dispatcher.smtpConfigured();
    }

    private void queueMail(Invitation invitation, InvitationMail.About about, String link) {
        outbox.save(OutboxMessage.of(invitation.getId(), invitation.getCandidateEmail(), mail.subject(about),
                mail.body(invitation.getCandidateName(), about, invitation.getAccommodationPercent(),
                        invitation.getStartDeadline(), link), clock.instant()));
    }

    private void withdrawEarlierMail(Invitation invitation) {
        for (OutboxMessage m : outbox.findByInvitationId(invitation.getId())) {
            m.withdraw(InvitationMail.redact(m.getBody()));
        }
    }

    private Set<String> alreadyInvited(long assessmentId, List<CandidateCsv.Row> rows) {
        Set<String> found = new HashSet<>();
        List<String> keys = rows.stream().map(r -> Emails.key(r.email())).toList();
        for (int i = 0; i < keys.size(); i += 1000) {
            found.addAll(invitations.findInvitedEmails(assessmentId, keys.subList(i, Math.min(keys.size(), i + 1000))));
        }
        return found;
    }

    private AssessmentView openAssessment(long assessmentId) {
        AssessmentView assessment = assessments.get(assessmentId);
        if (assessment.status() != AssessmentStatus.OPEN) {
            throw new InvitationException("Candidates can be invited only while the assessment is open.");
        }
        return assessment;
    }

    private InvitationMail.About about(AssessmentView a) {
        return new InvitationMail.About(a.title(), a.roleName(), a.taskCount(), a.totalMinutes(), contact(actor()));
    }

    private InvitationView view(Invitation i) {
        return ports.view(i);
    }

    private Invitation load(long id) {
        return ports.load(id);
    }

    /** Whom candidates contact: the recruiter who invited them, or the hiring team if the system did. */
    private static String contact(String inviter) {
        return inviter != null && inviter.contains("@") ? inviter : "the hiring team";
    }

    private static String actor() {
        return SystemAuthentication.currentName();
    }
}
