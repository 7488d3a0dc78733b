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

    /** The most candidates one upload (or one bulk API call) can invite. */
    public static final int MAX_CSV_ROWS = CandidateCsv.MAX_ROWS;

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    private final InvitationRepository invitations;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final InvitationMail mail;
    private final AssessmentService assessments;
    private final AuditTrail audit;
    private final Clock clock;
    private final InvitationPorts ports;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    InvitationService(InvitationRepository invitations, OutboxRepository outbox, OutboxDispatcher dispatcher,
            InvitationMail mail, AssessmentService assessments, AuditTrail audit, Clock clock, InvitationPorts ports,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.ports = ports;
        this.jdbc = jdbc;
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
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_invite')")
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

    /** Invites one candidate; the mail goes out through the outbox. Recruiters, and API keys with the invite scope. */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_invite')")
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
        String text = Utf8.decodeStrictly(file).orElseThrow(() -> new InvitationException(
                "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again."));
        return inviteRows(assessmentId, text, startDeadline, "from a CSV file").size();
    }

    /**
     * {@link #importCsv} for an integration: the same CSV text, rules and all-or-nothing answer, returning each
     * invitation made with its candidate link, in the order of the rows.
     */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_invite')")
    public List<IssuedInvitation> inviteAll(long assessmentId, String csv, Instant startDeadline) {
        if (csv.length() > MAX_CSV_BYTES) {
            throw new InvitationException("The list is larger than 5 MB.");
        }
        return inviteRows(assessmentId, csv, startDeadline, "by API");
    }

    private List<IssuedInvitation> inviteRows(long assessmentId, String text, Instant startDeadline, String how) {
        AssessmentView assessment = openAssessment(assessmentId);
        if (startDeadline == null || !startDeadline.isAfter(clock.instant())) {
            throw new InvitationException("The deadline to start must be in the future.");
        }
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
        List<IssuedInvitation> issued = new ArrayList<>();
        for (CandidateCsv.Row row : read.rows()) {
            String code = CandidateCodes.next(codes::contains);
            codes.add(code);
            String token = Tokens.next();
            Invitation invitation = invitations.save(Invitation.create(assessmentId, code, row.name(), row.email(),
                    row.accommodationPercent(), startDeadline, Tokens.hash(token), actor(), now));
            String link = mail.link(token);
            queueMail(invitation, about, link);
            created.add(code);
            issued.add(new IssuedInvitation(view(invitation), link));
        }
        audit.record("candidate.imported", "assessment " + assessmentId,
                created.size() + " candidates invited " + how + "; names and emails recorded with their "
                        + "invitations. Codes: " + String.join(", ", created) + ".", null);
        log.info("{} candidates invited to assessment {} {} by {}", read.rows().size(), assessmentId, how, actor());
        return issued;
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

    /** A page of {@link #changes}: the invitations and how many match in all. */
    public record Changes(List<InvitationView> items, long total) {
    }

    /**
     * Invitations, optionally of one assessment and changed at or after {@code since}, oldest change first (then by
     * id), from {@code offset}: the order an integration that keeps up by "changed since my last call" needs.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read')")
    public Changes changes(Long assessmentId, Instant since, int offset, int limit) {
        org.springframework.data.jpa.domain.Specification<Invitation> where = InvitationSearch.changed(assessmentId, since);
        long total = invitations.count(where);
        List<Long> ids = jdbcPage(assessmentId, since, offset, limit);
        java.util.Map<Long, Invitation> byId = new java.util.HashMap<>();
        invitations.findAllById(ids).forEach(i -> byId.put(i.getId(), i));
        return new Changes(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(this::view).toList(), total);
    }

    private List<Long> jdbcPage(Long assessmentId, Instant since, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select id from invitation where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (assessmentId != null) {
            sql.append(" and assessment_id = ?");
            params.add(assessmentId);
        }
        if (since != null) {
            sql.append(" and updated_at >= ?");
            params.add(java.sql.Timestamp.from(since));
        }
        sql.append(" order by updated_at, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    /** Issues a new link (the old one stops working) and mails it; a new deadline may be given. */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_invite')")
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
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_invite')")
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
            if (state == CandidateLink.State.VALID && i.getOpenedAt() == null
                    && invitations.markOpened(i.getId(), now) == 1) {
                events.publishEvent(new InvitationOpened(i.getId(), i.getAssessmentId(), now));
            }
            return new CandidateLink(state, i.getId(), i.getAssessmentId(), i.getCandidateName(),
                    i.getAccommodationPercent(), i.getStartDeadline(), contact(i.getCreatedBy()));
        }).orElseGet(CandidateLink::unknown);
    }

    /** The longest request or handling note, in characters. */
    public static final int MAX_REQUEST = 2_000;
    /** Requests one invitation may make: enough to follow up, not enough to flood the recruiter. */
    public static final int MAX_REQUESTS = 5;

    /**
     * A candidate asks, from their link, for an adjustment or another way to be assessed; the recruiters of the
     * assessment see it on its invitations page. The audit log records that a request was made and its kind, not
     * its text (which may describe a health condition).
     */
    @PreAuthorize("permitAll()")
    public void request(String token, CandidateRequest.Kind kind, String message) {
        CandidateLink link = resolve(token);
        if (link.state() != CandidateLink.State.VALID) {
            throw new InvitationException("This link can no longer be used to send a request; contact the hiring "
                    + "team directly.");
        }
        if (kind == null) {
            throw new InvitationException("Choose what you are asking for.");
        }
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new InvitationException("Say briefly what you need, so the hiring team can arrange it.");
        }
        if (text.length() > MAX_REQUEST) {
            throw new InvitationException("Keep it under " + MAX_REQUEST + " characters.");
        }
        long made = jdbc.sql("select count(*) from candidate_request where invitation_id = ?")
                .param(link.invitationId()).query(Long.class).single();
        if (made >= MAX_REQUESTS) {
            throw new InvitationException("You have sent " + MAX_REQUESTS + " requests; please contact the hiring "
                    + "team directly at " + link.contact() + ".");
        }
        jdbc.sql("insert into candidate_request (invitation_id, assessment_id, kind, message, requested_at) "
                + "values (?, ?, ?, ?, ?)").params(link.invitationId(), link.assessmentId(), kind.name(), text,
                        java.sql.Timestamp.from(clock.instant())).update();
        audit.recordByCandidate("candidate.requested", "invitation " + link.invitationId(), kind.label());
    }

    /** The assessment's requests from candidates, open ones first, newest first within each. */
    @Transactional(readOnly = true)
    public List<CandidateRequest> requests(long assessmentId) {
        return jdbc.sql("select r.id, r.invitation_id, i.candidate_name, i.candidate_code, r.kind, r.message, "
                + "r.requested_at, r.handled_at, r.handled_by, r.handled_note from candidate_request r "
                + "join invitation i on i.id = r.invitation_id where r.assessment_id = ? "
                + "order by case when r.handled_at is null then 0 else 1 end, r.requested_at desc, r.id desc")
                .param(assessmentId)
                .query((rs, n) -> new CandidateRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        CandidateRequest.Kind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getString(10)))
                .list();
    }

    /** Marks a request handled, with a note of what was arranged; audited under the recruiter's name. */
    public CandidateRequest handle(long requestId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvitationException("Note what was arranged or why not, for the record.");
        }
        if (text.length() > MAX_REQUEST) {
            throw new InvitationException("Keep the note under " + MAX_REQUEST + " characters.");
        }
        Long assessmentId = jdbc.sql("select assessment_id from candidate_request where id = ?").param(requestId)
                .query(Long.class).optional().orElseThrow(() -> new InvitationException("This request no longer "
                        + "exists; reload the page."));
        String by = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getName();
        int changed = jdbc.sql("update candidate_request set handled_at = ?, handled_by = ?, handled_note = ? "
                + "where id = ? and handled_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), by, text, requestId).update();
        if (changed == 0) {
            throw new InvitationException("Someone has already marked this request handled; reload the page.");
        }
        audit.record("candidate.request_handled", "request " + requestId, "On assessment " + assessmentId, null);
        return requests(assessmentId).stream().filter(r -> r.id() == requestId).findFirst().orElseThrow();
    }

    /** The longest outcome message body and subject, in characters. */
    public static final int MAX_MESSAGE = 5_000;
    public static final int MAX_SUBJECT = 200;

    /**
     * Queues one outcome message per invitation of the assessment in the outbox, with {@code {name}} in the subject
     * and text replaced by each candidate's name. A person wrote or checked the text and pressed send: nothing
     * calls this on its own. Each message is audited under the recruiter's name (the subject line, not the text).
     * Returns how many were queued.
     */
    public int queueOutcomeMessages(long assessmentId, java.util.Collection<Long> invitationIds, String subject,
            String body) {
        String title = subject == null ? "" : subject.strip();
        String text = body == null ? "" : body.strip();
        if (title.isEmpty() || text.isEmpty()) {
            throw new InvitationException("Write a subject and a message.");
        }
        if (title.length() > MAX_SUBJECT || text.length() > MAX_MESSAGE) {
            throw new InvitationException("Keep the subject under " + MAX_SUBJECT + " characters and the message under "
                    + MAX_MESSAGE + ".");
        }
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>(invitationIds);
        if (ids.isEmpty()) {
            throw new InvitationException("Select at least one candidate.");
        }
        List<Invitation> found = invitations.findAllById(ids);
        if (found.size() != ids.size() || found.stream().anyMatch(i -> i.getAssessmentId() != assessmentId)) {
            throw new InvitationException("A selected candidate is not part of this assessment; reload the page.");
        }
        Instant now = clock.instant();
        for (Invitation i : found) {
            outbox.save(OutboxMessage.of(i.getId(), i.getCandidateEmail(), personal(title, i), personal(text, i), now));
            audit.record("candidate.outcome_queued", "candidate " + i.getCandidateCode(),
                    "Outcome message queued: " + title, null);
        }
        log.info("{} outcome messages for assessment {} queued by {}", found.size(), assessmentId, actor());
        return found.size();
    }

    private static String personal(String text, Invitation i) {
        return text.replace("{name}", i.getCandidateName());
    }

    /** Who a candidate is, for the recruiter. */
    @Transactional(readOnly = true)
    public InvitationView identity(long invitationId) {
        return ports.identity(invitationId);
    }

    /**
     * {@link #identity} for many invitations in one query, by invitation id; ids that do not exist are absent.
     * Recruiters, and API keys with the read scope (an applicant tracking system reads back whom it invited).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read') or hasAuthority('SCOPE_invite')")
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
