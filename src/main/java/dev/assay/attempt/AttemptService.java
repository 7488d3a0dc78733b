package dev.assay.attempt;

import dev.assay.assistant.LiveAssistant;
import dev.assay.assistant.PlaybookMatcher;
import dev.assay.attempt.internal.AnswerJson;
import dev.assay.attempt.internal.AnswerWrites;
import dev.assay.attempt.internal.Attempt;
import dev.assay.attempt.internal.AttemptRepository;
import dev.assay.attempt.internal.AttemptTask;
import dev.assay.attempt.internal.SelfIdentifications;
import dev.assay.attempt.internal.Submissions;
import dev.assay.attempt.internal.Transcripts;
import dev.assay.invitation.CandidateLink;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.CandidateBrief;
import dev.assay.taskbank.DrawnTask;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskVersionView;
import dev.assay.taskbank.port.AssessmentCatalog;
import dev.assay.taskbank.port.TaskVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The candidate's side of an assessment. Candidates have no account: every call carries the token from
 * their link, which is checked each time, and reaches only that candidate's attempt.
 */
@Service
@Transactional
public class AttemptService {

    private static final Logger log = LoggerFactory.getLogger(AttemptService.class);

    /** More text fields than any answer has: a request with more is not from the candidate's page. */
    static final int MAX_DRAFT_FIELDS = 400;

    private final AttemptRepository attempts;
    private final AnswerWrites writes;
    private final InvitationService invitations;
    private final CandidateRecords candidates;
    private final AssessmentCatalog assessments;
    private final TaskVersions tasks;
    private final AttemptPorts ports;
    private final Submissions submissions;
    private final Clock clock;
    private final TransactionTemplate startTransaction;
    private final TransactionTemplate transaction;
    private final Transcripts transcripts;
    private final PlaybookMatcher matcher;
    private final LiveAssistant live;
    private final io.micrometer.core.instrument.Timer saves;

    /** How often a start that met a lock conflict (a deadlock, or a second tab starting too) is tried. */
    static final int START_TRIES = 4;
    private static final String NOT_THIS_TASK = "This answer does not match the task on the page. Please reload the page.";

    private final SelfIdentifications selfIdentifications;
    private final SelfIdentificationQuestions questions;

    AttemptService(AttemptRepository attempts, AnswerWrites writes, InvitationService invitations,
            CandidateRecords candidates, AssessmentCatalog assessments, TaskVersions tasks, AttemptPorts ports,
            Submissions submissions, Clock clock, PlatformTransactionManager transactions, Transcripts transcripts,
            PlaybookMatcher matcher, LiveAssistant live, io.micrometer.core.instrument.MeterRegistry meters,
            SelfIdentifications selfIdentifications, SelfIdentificationQuestions questions) {
        this.selfIdentifications = selfIdentifications;
        this.questions = questions;
        this.saves = io.micrometer.core.instrument.Timer.builder("assay.saves")
                .description("Candidates' answer saves (the candidate page's save path)").register(meters);
        this.live = live;
        this.transcripts = transcripts;
        this.matcher = matcher;
        this.transaction = new TransactionTemplate(transactions);
        this.attempts = attempts;
        this.writes = writes;
        this.invitations = invitations;
        this.candidates = candidates;
        this.ports = ports;
        this.assessments = assessments;
        this.tasks = tasks;
        this.submissions = submissions;
        this.clock = clock;
        // Read committed: the conditional exposure increments then keep no lock on a task row they did not
        // change, so fewer starts wait on each other.
        this.startTransaction = new TransactionTemplate(transactions);
        this.startTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** What the link leads to now. An attempt found past its deadline is submitted on the spot. */
    @PreAuthorize("permitAll()")
    public CandidateSession open(String token) {
        CandidateLink link = invitations.resolve(token);
        return switch (link.state()) {
            case UNKNOWN -> CandidateSession.closed(CandidateSession.Stage.UNKNOWN_LINK, null);
            case REVOKED -> CandidateSession.closed(CandidateSession.Stage.REVOKED_LINK, link.contact());
            case EXPIRED -> CandidateSession.closed(CandidateSession.Stage.EXPIRED_LINK, link.contact());
            case VALID, SUBMITTED -> session(link);
        };
    }

    /**
     * The candidate page's periodic check: two single-row reads by unique key (the link, the attempt's state)
     * instead of rebuilding the whole attempt. A page that learns the attempt is no longer in progress reloads
     * through {@link #open}, which submits an overdue attempt.
     */
    @PreAuthorize("permitAll()")
    public CandidatePulse pulse(String token) {
        CandidateLink link = invitations.resolve(token);
        if (link.state() != CandidateLink.State.VALID) {
            return CandidatePulse.CLOSED;
        }
        return pulseOf(link, clock.instant());
    }

    /**
     * Starts the attempt once the candidate has consented: draws their tasks and fixes the deadline. Each try
     * is its own transaction; one that the database rolled back on a lock conflict (candidates starting
     * together drawing the last exposures of the same tasks, or the same candidate starting in two tabs) is
     * tried again, so the candidate never sees the conflict.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CandidateSession start(String token, boolean consent) {
        for (int tried = 1; ; tried++) {
            try {
                return startTransaction.execute(status -> startOnce(token, consent));
            } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
                if (tried >= START_TRIES) {
                    throw e;
                }
                log.info("Starting an attempt met a conflict ({}); trying again", e.getClass().getSimpleName());
            }
        }
    }

    private CandidateSession startOnce(String token, boolean consent) {
        if (!consent) {
            throw new AttemptException("Please confirm that you have read how your answers are used before you start.");
        }
        CandidateLink link = usable(token);
        if (attempts.findByInvitationId(link.invitationId()).isPresent()) {
            return session(link);
        }
        CandidateBrief brief = assessments.candidateBrief(link.assessmentId());
        if (brief.status() != AssessmentStatus.OPEN) {
            throw new AttemptException("This assessment is no longer open. Please contact " + link.contact() + ".");
        }
        List<DrawnTask> drawn = assessments.draw(link.assessmentId());
        Attempt attempt = Attempt.start(link.invitationId(), link.assessmentId(), brief.totalMinutes(),
                link.accommodationPercent(), drawn.stream().map(d -> new long[] {d.slot(), d.taskVersionId()}).toList(),
                clock.instant());
        attempts.save(attempt);
        candidates.recordStarted(link.invitationId());
        log.info("Attempt {} started for invitation {}; deadline {}", attempt.getId(), link.invitationId(),
                attempt.getDeadline());
        return session(link);
    }

    /**
     * Makes the given browser page (one tab, identified by a random id of its own) the one that saves the
     * attempt. Returns the page that saved until now, or null.
     */
    @PreAuthorize("permitAll()")
    public String claim(String token, String page) {
        return attempts.lockByInvitationId(usable(token).invitationId())
                .orElseThrow(() -> new AttemptException("This assessment has not been started yet."))
                .claim(requirePage(page));
    }

    /**
     * Saves the candidate's answer to one task from the page that saves the attempt; refused (with a reason)
     * after the deadline or submission, and with {@link OtherPageException} when another tab has taken over.
     */
    @PreAuthorize("permitAll()")
    public Instant save(String token, String page, int position, Answer answer) {
        Attempt attempt = attemptOf(usable(token));
        TaskVersionView task = tasks.version(attempt.task(position).getTaskVersionId());
        storable(task, answer);
        return attempt.save(position, AnswerJson.write(answer), clock.instant(), requirePage(page)).getSavedAt();
    }

    /**
     * Saves as {@link #save(String, String, int, Answer)} does, for a page that knows which task version it shows:
     * one SELECT (the link) and one conditional UPDATE of the task's row, with the attempt's state checked in the
     * same statement. Only when that UPDATE writes nothing is the attempt read to find out why (submitted, time
     * up, another tab, or a first save that has to claim the attempt), through the same rules as the full path.
     */
    @PreAuthorize("permitAll()")
    public Instant save(String token, String page, int position, long taskVersionId, Answer answer) {
        long started = System.nanoTime();
        try {
            return store(token, page, position, taskVersionId, answer);
        } finally {
            saves.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Instant store(String token, String page, int position, long taskVersionId, Answer answer) {
        CandidateLink link = usable(token);
        TaskVersionView task = tasks.version(taskVersionId);
        storable(task, answer);
        Instant now = clock.instant();
        if (writes.storeAnswer(link.invitationId(), position, taskVersionId, requirePage(page),
                AnswerJson.write(answer), now) == 1) {
            return now;
        }
        Attempt attempt = attemptOf(link);
        if (attempt.task(position).getTaskVersionId() != taskVersionId) {
            throw new AttemptException(NOT_THIS_TASK);
        }
        return attempt.save(position, AnswerJson.write(answer), now, requirePage(page)).getSavedAt();
    }

    /**
     * Writes text the page typed but had not had confirmed (after a reload, or sent as the page closed) into
     * the saved answer of one task, by {@link AnswerTexts} path. The same rules as {@link #save} apply.
     */
    @PreAuthorize("permitAll()")
    public Answer saveTexts(String token, String page, int position, Map<String, String> texts) {
        if (texts.size() > MAX_DRAFT_FIELDS) {
            throw new AttemptException("Too many fields at once.");
        }
        Attempt attempt = attemptOf(usable(token));
        AttemptTask task = attempt.task(position);
        TaskVersionView version = tasks.version(task.getTaskVersionId());
        Answer stored = task.getAnswerJson() == null ? Answer.empty(version.kind()) : AnswerJson.read(task.getAnswerJson());
        Answer merged = AnswerTexts.apply(stored, texts);
        if (!merged.equals(stored)) {
            save(token, page, position, merged);
        }
        return merged;
    }

    /**
     * Asks the assistant of an AI-collaboration task and appends the prompt and its reply to the task's
     * transcript. The same rules as a save apply (in progress, this page, the task version the page shows). The
     * reply is found outside any transaction, so no database connection waits on it; the turn is then written
     * under the attempt's row lock, after the rules are checked again.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AssistantTurn ask(String token, String page, int position, long taskVersionId, String prompt) {
        String asked = prompt == null ? "" : prompt.strip();
        if (asked.isEmpty()) {
            throw new AttemptException("Type a question or instruction for the assistant first.");
        }
        if (asked.length() > AssistantTurn.MAX_PROMPT) {
            throw new AttemptException(String.format("A message to the assistant can be at most %,d characters "
                    + "(this one has %,d). Shorten it; nothing was sent.", AssistantTurn.MAX_PROMPT, asked.length()));
        }
        String onPage = requirePage(page);
        Instant askedAt = clock.instant();
        List<AssistantTurn> before = transaction.execute(status -> {
            Attempt attempt = attemptOf(usable(token));
            attempt.requireOpen(onPage, askedAt);
            conversation(attempt, position, taskVersionId);
            return transcripts.turns(attempt.getId(), position);
        });
        if (before.size() >= AssistantTurn.MAX_TURNS) {
            throw new AttemptException("You have sent the assistant the most messages one task allows ("
                    + AssistantTurn.MAX_TURNS + "). Carry on with your work; everything so far is kept.");
        }
        TaskContent.AiCollaboration task = tasks.version(taskVersionId).content().collaboration();
        AssistantTurn turn = task.live() && live.configured() ? askLive(token, task, before, position, asked, askedAt)
                : askPlaybook(task, before, position, asked, askedAt);
        return transaction.execute(status -> {
            CandidateLink link = usable(token);
            Attempt attempt = attempts.lockByInvitationId(link.invitationId())
                    .orElseThrow(() -> new AttemptException("This assessment has not been started yet."));
            attempt.requireOpen(onPage, clock.instant());
            conversation(attempt, position, taskVersionId);
            return transcripts.append(attempt.getId(), turn);
        });
    }

    private AssistantTurn askPlaybook(TaskContent.AiCollaboration task, List<AssistantTurn> before, int position,
            String asked, Instant askedAt) {
        AssistantTurn last = before.isEmpty() ? null : before.get(before.size() - 1);
        long started = System.nanoTime();
        PlaybookMatcher.Match match = matcher.match(task.assistant(), asked, last == null ? null
                : new PlaybookMatcher.Previous(last.prompt(), last.intentKey()));
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        AssistantTurn.Source source = switch (match.outcome()) {
            case INTENT -> AssistantTurn.Source.PLAYBOOK;
            case FALLBACK -> AssistantTurn.Source.FALLBACK;
            case OFF_TOPIC -> AssistantTurn.Source.OFF_TOPIC;
        };
        return new AssistantTurn(position, 0, asked, match.reply(), source, match.intentKey(),
                match.outcome() == PlaybookMatcher.Outcome.INTENT ? match.similarity() : null, match.flaws(), askedAt,
                millis);
    }

    /**
     * Asks the installation's live model, within the attempt's token budget. A model that cannot answer (timed
     * out, failed, rate-limited) gives a turn that says so, stored like any other: the candidate carries on and
     * reviewers see it.
     */
    private AssistantTurn askLive(String token, TaskContent.AiCollaboration task, List<AssistantTurn> before,
            int position, String asked, Instant askedAt) {
        int used = transaction.execute(status -> transcripts.tokensUsed(attemptOf(usable(token)).getId()));
        if (used >= live.attemptTokenBudget()) {
            throw new AttemptException("You have used all the assistant's help this assessment allows. Carry on "
                    + "with your work; everything so far is kept.");
        }
        List<LiveAssistant.Exchange> history = before.stream()
                .filter(t -> t.source() == AssistantTurn.Source.LIVE)
                .map(t -> new LiveAssistant.Exchange(t.prompt(), t.reply())).toList();
        long started = System.nanoTime();
        try {
            LiveAssistant.LiveReply reply = live.reply(task, history, asked);
            return new AssistantTurn(position, 0, asked, reply.text(), AssistantTurn.Source.LIVE, null, null,
                    reply.flaws(), askedAt, elapsed(started), reply.tokens());
        } catch (LiveAssistant.Unavailable e) {
            log.warn("The live assistant did not answer on task {}: {}", position + 1, e.getMessage());
            return new AssistantTurn(position, 0, asked, AssistantTurn.UNAVAILABLE_REPLY,
                    AssistantTurn.Source.UNAVAILABLE, null, null, List.of(), askedAt, elapsed(started), 0);
        }
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** The conversation with the assistant on one task so far, for the candidate's page. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<AssistantTurn> transcript(String token, int position) {
        Attempt attempt = attemptOf(usable(token));
        attempt.task(position);
        return transcripts.turns(attempt.getId(), position);
    }

    private void conversation(Attempt attempt, int position, long taskVersionId) {
        if (attempt.task(position).getTaskVersionId() != taskVersionId) {
            throw new AttemptException(NOT_THIS_TASK);
        }
        if (tasks.version(taskVersionId).kind() != TaskKind.AI_COLLABORATION) {
            throw new AttemptException("This task has no assistant.");
        }
    }

    /** Remembers which task the candidate is on, so reopening the link resumes there. */
    @PreAuthorize("permitAll()")
    public void moveTo(String token, int position) {
        attemptOf(usable(token)).moveTo(position, clock.instant());
    }

    /** Adds the page's observations for one task: active time, pastes and their size, focus losses. */
    @PreAuthorize("permitAll()")
    public void recordSignals(String token, int position, int seconds, int pastes, int pastedChars, int focusLosses) {
        attemptOf(usable(token)).recordSignals(position, seconds, pastes, pastedChars, focusLosses,
                clock.instant());
    }

    /** What a candidate page observed on one task since its last report. */
    public record SignalCounts(int position, int seconds, int pastes, int pastedChars, int focusLosses) {
    }

    /**
     * The candidate page's periodic report and check in one call (one request every 15 seconds instead of a poll
     * and a report): adds what the page observed, then says whether the attempt is still in progress and which
     * page saves it. Observations are ignored once the attempt is over, as {@link #recordSignals} ignores them.
     */
    @PreAuthorize("permitAll()")
    public CandidatePulse tick(String token, List<SignalCounts> observed) {
        CandidateLink link = invitations.resolve(token);
        if (link.state() != CandidateLink.State.VALID) {
            return CandidatePulse.CLOSED;
        }
        Instant now = clock.instant();
        for (SignalCounts o : observed) {
            writes.addSignals(link.invitationId(), o.position(), o.seconds(), o.pastes(), o.pastedChars(),
                    o.focusLosses(), now);
        }
        return pulseOf(link, now);
    }

    private CandidatePulse pulseOf(CandidateLink link, Instant now) {
        return attempts.findPulse(link.invitationId())
                .map(p -> new CandidatePulse(p.inProgress(now), p.activePage())).orElse(CandidatePulse.CLOSED);
    }

    /** Per-task integrity signals of an attempt, in task order, for the people who review it. */
    @PreAuthorize("hasAnyRole('RECRUITER', 'REVIEWER')")
    @Transactional(readOnly = true)
    public List<IntegritySignals> signals(long invitationId) {
        return attempts.findByInvitationId(invitationId).map(a -> a.getTasks().stream()
                .map(t -> new IntegritySignals(t.getPosition(), t.getActiveSeconds(), t.getPasteCount(),
                        t.getPastedChars(), t.getFocusLosses()))
                .toList()).orElse(List.of());
    }

    /** Submitted attempts of an assessment, oldest first. */
    @PreAuthorize("hasRole('RECRUITER')")
    @Transactional(readOnly = true)
    public List<SubmittedAttempt> submitted(long assessmentId) {
        return ports.submitted(assessmentId);
    }

    /**
     * A submitted attempt's answers and signals, for the recruiter. Reviewers reach it only through the
     * review module, which first checks that the submission is assigned to them.
     */
    @PreAuthorize("hasRole('RECRUITER')")
    @Transactional(readOnly = true)
    public SubmittedResponse response(long attemptId) {
        return ports.response(attemptId);
    }

    /**
     * Stores the candidate's voluntary self-identification (or replaces earlier answers). Only once the attempt is
     * submitted, so the answers can have no bearing on it; kept apart from the attempt and used only in totals.
     */
    @PreAuthorize("permitAll()")
    public void selfIdentify(String token, SelfIdentification answers) {
        CandidateLink link = invitations.resolve(token);
        Attempt attempt = link.invitationId() == null ? null
                : attempts.findByInvitationId(link.invitationId()).orElse(null);
        if (attempt == null || !attempt.isSubmitted()) {
            throw new AttemptException("These questions open once your answers are submitted.");
        }
        if (answers == null || answers.blank()) {
            throw new AttemptException("Choose an answer to at least one question, or simply close the page.");
        }
        answers.extra().forEach((key, answer) -> {
            SelfIdentificationQuestions.Extra question = questions.find(key)
                    .orElseThrow(() -> new AttemptException("This question is no longer asked; reload the page."));
            if (!question.options().contains(answer) && !SelfIdentificationQuestions.PREFER_NOT_TO_SAY.equals(answer)) {
                throw new AttemptException("Choose one of the answers offered.");
            }
        });
        selfIdentifications.store(link.invitationId(), link.assessmentId(), answers, clock.instant());
    }

    /** Whether the candidate of this link has answered the voluntary questions. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean selfIdentified(String token) {
        CandidateLink link = invitations.resolve(token);
        return link.invitationId() != null && selfIdentifications.answered(link.invitationId());
    }

    /** Submits from the page that saves the attempt; another tab that was replaced cannot submit. */
    @PreAuthorize("permitAll()")
    public CandidateSession submit(String token, String page) {
        CandidateLink link = usable(token);
        Attempt attempt = attemptOf(link);
        attempt.requireActive(requirePage(page));
        submissions.submit(attempt, clock.instant(), false);
        log.info("Attempt {} submitted by the candidate", attempt.getId());
        return session(link);
    }

    private CandidateSession session(CandidateLink link) {
        CandidateBrief brief = assessments.candidateBrief(link.assessmentId());
        int allowed = (int) Attempt.allowed(brief.totalMinutes(), link.accommodationPercent()).toMinutes();
        Attempt attempt = attempts.findByInvitationId(link.invitationId()).orElse(null);
        if (attempt == null) {
            return new CandidateSession(CandidateSession.Stage.READY, link.candidateName(), link.contact(), brief,
                    link.accommodationPercent(), allowed, link.startDeadline(), null, null, false, 0, List.of(), null);
        }
        Instant now = clock.instant();
        if (attempt.isOverdue(now)) {
            submissions.submit(attempt, now, true);
        }
        List<CandidateSession.CandidateTask> list = attempt.getTasks().stream().map(t -> {
            TaskVersionView version = tasks.version(t.getTaskVersionId());
            Answer answer = t.getAnswerJson() == null ? Answer.empty(version.kind()) : AnswerJson.read(t.getAnswerJson());
            return new CandidateSession.CandidateTask(t.getPosition(), version, answer, t.getSavedAt());
        }).toList();
        return new CandidateSession(attempt.isSubmitted() ? CandidateSession.Stage.SUBMITTED
                : CandidateSession.Stage.IN_PROGRESS, link.candidateName(), link.contact(), brief,
                link.accommodationPercent(), allowed, link.startDeadline(), attempt.getDeadline(),
                attempt.getSubmittedAt(), attempt.isSubmittedAutomatically(), attempt.getCurrentPosition(), list,
                attempt.getActivePage());
    }

    private static String requirePage(String page) {
        if (page == null || page.isBlank() || page.length() > 40) {
            throw new AttemptException("This page could not be identified. Reload it.");
        }
        return page;
    }

    /** Refuses an answer of another kind than the task, or one too long to store, with a reason. */
    private static void storable(TaskVersionView task, Answer answer) {
        if (!AnswerRules.fits(task.kind(), answer)) {
            throw new AttemptException(NOT_THIS_TASK);
        }
        List<String> problems = AnswerRules.oversize(task.kind(), answer);
        if (!problems.isEmpty()) {
            throw new AttemptException(String.join(" ", problems));
        }
    }

    private CandidateLink usable(String token) {
        return usable(invitations.resolve(token));
    }

    private static CandidateLink usable(CandidateLink link) {
        return switch (link.state()) {
            case VALID -> link;
            case SUBMITTED -> throw new AttemptException("This assessment was already submitted; nothing can be changed now.");
            case EXPIRED -> throw new AttemptException("The deadline to start this assessment has passed.");
            case REVOKED -> throw new AttemptException("This link is no longer active.");
            case UNKNOWN -> throw new AttemptException("This link is not valid.");
        };
    }

    private Attempt attemptOf(CandidateLink link) {
        return attempts.findByInvitationId(link.invitationId())
                .orElseThrow(() -> new AttemptException("This assessment has not been started yet."));
    }
}
