package dev.assay.attempt.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AnswerRules;
import dev.assay.attempt.AnswerTexts;
import dev.assay.attempt.AssistantTurn;
import dev.assay.attempt.AttemptException;
import dev.assay.attempt.AttemptService;
import dev.assay.attempt.CandidatePulse;
import dev.assay.attempt.CandidateSession.CandidateTask;
import dev.assay.attempt.CandidateSession;
import dev.assay.attempt.OtherPageException;
import dev.assay.attempt.SelfIdentification;
import dev.assay.attempt.SelfIdentificationQuestions;
import dev.assay.base.Conflicts;
import dev.assay.base.Sha256;
import dev.assay.base.ui.Dates;
import dev.assay.invitation.CandidateRequest;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationService;
import dev.assay.taskbank.brief.TaskBrief;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidate's page, reached from their invitation link: the landing page, the tasks with a countdown
 * and saving as they type, the review before submitting, and the receipt. Links that don't work get a
 * friendly page that says whom to contact.
 *
 * <p>Each page (browser tab) has an id of its own and claims the attempt when it shows the tasks; saves
 * from a tab that another has since taken over are refused, and that tab says so. Text not yet confirmed
 * by the server is kept in the tab ({@code candidate-drafts.js}) and sent again after a reload or as the
 * page closes ({@link CandidateDraftEndpoint}).
 */
@Route(value = "c", autoLayout = false)
@AnonymousAllowed
@JavaScript("context://scripts/candidate-drafts.js")
public class CandidateView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CandidateView.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** More than any honest page sends back after a reload. */
    private static final int MAX_RESTORE_CHARS = 2_000_000;

    private final AttemptService attempts;
    private final InvitationService invitations;
    private final long retainedDays;
    private final SelfIdentificationQuestions questions;
    private final String notice;
    private String token;
    private CandidateSession session;
    private String title = "Your assessment";
    private final Span saveState = new Span();
    private final List<Button> taskButtons = new ArrayList<>();
    private AnswerEditor editor;
    private int position;
    private boolean pending;
    private boolean frozen;
    /** This page's id: the attempt is saved only by the page that claimed it last. */
    private final String page = UUID.randomUUID().toString();
    /** The page that saved the attempt before this one claimed it; only its unconfirmed text is taken back. */
    private String previousPage;
    private boolean claimed;
    private boolean inactive;

    private final Paragraph requestSent = new Paragraph();

    public CandidateView(AttemptService attempts, InvitationService invitations, SelfIdentificationQuestions questions,
            @org.springframework.beans.factory.annotation.Value("${assay.retention.personal-data:P365D}")
            java.time.Duration retained,
            @org.springframework.beans.factory.annotation.Value("${assay.candidate-notice:}") String notice) {
        this.notice = notice == null ? "" : notice;
        this.questions = questions;
        this.retainedDays = retained.toDays();
        this.attempts = attempts;
        this.invitations = invitations;
        addClassName("candidate-page");
        // The page's 15-second tick (installTick) retries a failed save and notices when time is up, even if the
        // candidate is idle.
    }

    @Override
    public String getPageTitle() {
        return title + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        reload();
    }

    private void reload() {
        session = attempts.open(token);
        removeAll();
        taskButtons.clear();
        editor = null;
        switch (session.stage()) {
            case UNKNOWN_LINK -> closed("This link doesn't work", "It may be mistyped or incomplete, or a newer link "
                    + "may have replaced it. Please use the most recent invitation email, or ask the person who invited "
                    + "you for a new link.", null);
            case EXPIRED_LINK -> closed("This invitation has expired", "The deadline to start this assessment has "
                    + "passed. If you still want to take part, ask for a new link.", session.contact());
            case REVOKED_LINK -> closed("This link is no longer active", "The invitation was withdrawn or replaced. "
                    + "If you think this is a mistake, get in touch.", session.contact());
            case READY -> landing();
            case IN_PROGRESS -> workspace(session.currentPosition());
            case SUBMITTED -> receipt();
        }
        if (session.stage() != CandidateSession.Stage.IN_PROGRESS) {
            getElement().executeJs("window.assayDrafts && window.assayDrafts.stop(); this.assayStopTick && this.assayStopTick()");
        }
    }

    // ---- shared frame ----------------------------------------------------------------------------

    private Div topBar(Component... right) {
        Image logo = new Image("icons/assay.svg", "");
        logo.addClassName("candidate-logo");
        Span brand = new Span("Assay");
        brand.addClassName("candidate-brand-name");
        Div brandBox = new Div(logo, brand);
        brandBox.addClassName("candidate-brand");
        Div rightBox = new Div(right);
        rightBox.addClassName("candidate-status");
        Div bar = new Div(brandBox, rightBox);
        bar.addClassName("candidate-bar");
        bar.getElement().setAttribute("role", "banner");
        return bar;
    }

    private void closed(String heading, String text, String contact) {
        title = heading;
        Div card = new Div();
        card.addClassNames("candidate-card", "candidate-closed");
        card.setId("link-problem");
        card.add(new H1(heading), new Paragraph(text));
        if (contact != null) {
            card.add(new Paragraph("Contact: " + contact));
        }
        Main main = new Main(card);
        main.addClassName("candidate-main");
        add(topBar(), main);
    }

    // ---- landing ------------------------------------------------------------------------------------

    private void landing() {
        var brief = session.brief();
        title = brief.title();
        H1 heading = new H1(brief.title());
        Paragraph hello = new Paragraph("Hello " + session.candidateName() + ". You are invited to a work-sample "
                + "assessment for the " + brief.roleName() + " role.");
        hello.addClassName("candidate-lead");
        Div facts = new Div(fact(VaadinIcon.TASKS, brief.taskCount() + (brief.taskCount() == 1 ? " task" : " tasks")),
                fact(VaadinIcon.CLOCK, session.allowedMinutes() + " minutes once you start"
                        + (session.accommodationPercent() > 0 ? " (includes your " + session.accommodationPercent()
                                + "% extra time)" : "")),
                fact(VaadinIcon.CALENDAR, "Start before " + Dates.longDateTime(session.startDeadline())));
        facts.addClassName("candidate-facts");
        Div intro = new Div(new H2("From the hiring team"), new Paragraph(brief.intro()));
        List<String> looksAt = new ArrayList<>(List.of(
                "Workflow thinking: how you break real work into steps, and where people, AI and automation fit.",
                "Automation instinct: spotting repetitive work and planning how to automate it safely.",
                "Critique of AI output: finding what an AI got wrong, and fixing it."));
        if (brief.withAssistant()) {
            looksAt.add("Working with AI: directing an assistant, checking what it gives you, and owning the result.");
        }
        Div measures = new Div(new H2("What this assessment looks at"), list(looksAt.toArray(String[]::new)),
                new Paragraph("There are no trick questions. Use your own judgment; reviewers score what you write "
                        + "against the role's rubric, without seeing your name."));
        Div data = new Div(new H2("How you are assessed, and your data"), new Paragraph("Trained reviewers score "
                + "your work against the role's written rubric, without seeing your name. Assay combines their scores, "
                + "adjusts for how strictly each reviewer scores, and ranks candidates; a person on the hiring team "
                + "makes every decision, and you may ask for an explanation of yours."), new Paragraph("Your answers, "
                + "your conversations with a task's assistant, the time you spend on each task, how often you paste "
                + "text and how often the page loses focus are stored and shown to the hiring team. They are facts for "
                + "people to weigh, never automatic rejections. Your name, email and answers are removed "
                + retainedDays + " days after hiring for this assessment ends, or sooner if you ask " + session.contact()
                + "."));
        // The organisation's own notice (e.g. NYC Local Law 144 or EU AI Act wording), paragraphs split at blank lines.
        for (String part : notice.split("\\R\\s*\\R")) {
            if (!part.isBlank()) {
                Paragraph p = new Paragraph(part.strip());
                p.addClassName("candidate-notice");
                data.add(p);
            }
        }
        Button ask = new Button("Ask for an adjustment or another way to be assessed", e -> openRequestDialog());
        ask.setId("open-request");
        ask.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div help = new Div(new H2("Need an adjustment, or another way to be assessed?"), new Paragraph("If you need "
                + "extra time or another adjustment, or you would rather be assessed another way than by this online "
                + "work sample, ask before you start: the hiring team sees your request and replies. You can also "
                + "contact " + session.contact() + "."), ask, requestSent);
        requestSent.setId("request-sent");
        requestSent.addClassName("form-success");
        requestSent.setVisible(false);
        Div time = new Div(new H2("Before you start"), list("Find " + session.allowedMinutes()
                        + " minutes without interruptions; the clock doesn't stop once you start.",
                "Your work is saved as you type. If you lose your connection or close the page, open your link again "
                        + "and carry on where you were.",
                "You can move between tasks in any order and review everything before you submit."));
        Checkbox consent = new Checkbox("I have read how my answers are used and I agree to take part.");
        consent.setId("consent");
        Paragraph consentError = new Paragraph("Please tick the box to confirm before you start.");
        consentError.addClassName("form-error");
        consentError.setId("consent-error");
        consentError.setVisible(false);
        Button start = new Button("Start the assessment", VaadinIcon.ARROW_RIGHT.create(), e -> {
            if (!consent.getValue()) {
                consentError.setVisible(true);
                consent.focus();
                return;
            }
            try {
                attempts.start(token, true);
                reload();
            } catch (AttemptException ex) {
                consentError.setText(ex.getMessage());
                consentError.setVisible(true);
            }
        });
        start.setIconAfterText(true);
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Div startBox = new Div(consent, consentError, start);
        startBox.addClassName("candidate-start");
        Div card = new Div(heading, hello, facts, intro, measures, time, data, help, startBox);
        card.addClassNames("candidate-card", "candidate-landing");
        card.setId("landing");
        Main main = new Main(card);
        main.addClassName("candidate-main");
        add(topBar(), main);
    }

    /** The request form: what is asked for, and a few words on what the candidate needs. */
    private void openRequestDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Ask the hiring team");
        RadioButtonGroup<CandidateRequest.Kind> kind = new RadioButtonGroup<>("What are you asking for?");
        kind.setItems(CandidateRequest.Kind.values());
        kind.setItemLabelGenerator(CandidateRequest.Kind::label);
        kind.setId("request-kind");
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        TextArea message = new TextArea("What do you need?");
        message.setId("request-message");
        message.setWidthFull();
        message.setMaxLength(InvitationService.MAX_REQUEST);
        message.setHelperText("Only the hiring team reads this. You do not need to give medical details.");
        Button send = new Button("Send request", e -> {
            kind.setInvalid(false);
            message.setInvalid(false);
            if (kind.getValue() == null) {
                kind.setErrorMessage("Choose one.");
                kind.setInvalid(true);
                return;
            }
            try {
                invitations.request(token, kind.getValue(), message.getValue());
                dialog.close();
                requestSent.setText("Your request has reached the hiring team. They will reply to you; you can still "
                        + "start whenever you are ready.");
                requestSent.setVisible(true);
            } catch (InvitationException ex) {
                message.setErrorMessage(ex.getMessage());
                message.setInvalid(true);
            }
        });
        send.setId("send-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(kind, message));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
    }

    private static Div fact(VaadinIcon icon, String text) {
        Div d = new Div(icon.create(), new Span(text));
        d.addClassName("candidate-fact");
        return d;
    }

    private static UnorderedList list(String... items) {
        UnorderedList ul = new UnorderedList();
        for (String i : items) {
            ul.add(new ListItem(i));
        }
        return ul;
    }

    // ---- workspace ----------------------------------------------------------------------------------

    private Span countdown() {
        Span clockText = new Span();
        clockText.setId("countdown");
        clockText.addClassName("countdown");
        clockText.getElement().setAttribute("role", "timer");
        clockText.getElement().setAttribute("aria-label", "Time left");
        clockText.getElement().executeJs("""
                const el = this; const deadline = $0; const live = document.getElementById('time-announcer');
                let warned5 = false, warned1 = false;
                function tick() {
                  const left = Math.max(0, deadline - Date.now());
                  const m = Math.floor(left / 60000), s = Math.floor((left % 60000) / 1000);
                  el.textContent = left > 0 ? (m + ':' + String(s).padStart(2, '0') + ' left') : 'Time is up';
                  if (left <= 300000 && !warned5 && left > 60000) { warned5 = true; el.classList.add('countdown-warn');
                    if (live) live.textContent = 'Five minutes left. Your work is saved.'; }
                  if (left <= 60000 && !warned1) { warned1 = true; el.classList.add('countdown-warn', 'countdown-last');
                    if (live) live.textContent = 'One minute left. Your work is saved and will be submitted at the deadline.'; }
                  if (left > 0) setTimeout(tick, 1000 - (Date.now() % 1000));
                }
                tick();
                """, session.deadline().toEpochMilli());
        return clockText;
    }

    private void workspace(int at) {
        if (!claimed) {
            previousPage = attempts.claim(token, page);
            claimed = true;
        }
        inactive = false;
        frozen = false;
        title = session.brief().title();
        saveState.setId("save-state");
        saveState.addClassName("save-state");
        saveState.getElement().setAttribute("aria-live", "polite");
        saveState.setText("Saved");
        // Typing marks the work unsaved at once; the server says "Saved" when it has stored it.
        getElement().executeJs("this.addEventListener('input', () => { const s = document.getElementById('save-state');"
                + " if (s) s.textContent = 'Saving…'; })");
        installTick();
        Span announcer = new Span();
        announcer.setId("time-announcer");
        announcer.addClassName("sr-only");
        announcer.getElement().setAttribute("aria-live", "assertive");
        add(topBar(saveState, countdown()), announcer);

        Nav nav = new Nav();
        nav.addClassName("candidate-tasks");
        nav.getElement().setAttribute("aria-label", "Tasks");
        H2 navTitle = new H2("Tasks");
        navTitle.addClassName("nav-title");
        nav.add(navTitle);
        for (CandidateTask t : session.tasks()) {
            Button b = new Button((t.position() + 1) + ". " + t.task().content().title(), e -> go(t.position()));
            b.addClassName("task-link");
            b.setId("task-" + (t.position() + 1));
            taskButtons.add(b);
            nav.add(b);
        }
        Button review = new Button("Review and submit", VaadinIcon.CHECK.create(), e -> review());
        review.setId("review");
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        nav.add(review);
        Main main = new Main();
        main.addClassName("candidate-work");
        main.setId("work");
        Div layout = new Div(nav, main);
        layout.addClassName("candidate-layout");
        add(layout);
        show(main, at);
        // Text this tab typed before a reload, and the server never confirmed, comes back here.
        getElement().executeJs("""
                const earlier = window.assayDrafts.init(this, $0, $1, $2);
                if (earlier) { this.$server.restoreDrafts(JSON.stringify(earlier)); }
                const root = this;
                if (!root.assayVisibleCheck) {
                  root.assayVisibleCheck = true;
                  document.addEventListener('visibilitychange', () => {
                    if (document.visibilityState === 'visible' && root.$server) { root.$server.checkActive(); }
                  });
                }
                """, Sha256.hex(token).substring(0, 16), page, contextPath() + CandidateDraftEndpoint.PATH);
    }

    /**
     * Takes back what this tab typed before a reload but the server never confirmed. Only text from the page
     * that was saving the attempt until this one took over is accepted: a tab that another tab had already
     * replaced must not overwrite that tab's work.
     */
    @ClientCallable
    private void restoreDrafts(String json) {
        getElement().executeJs("window.assayDrafts.clear()");
        if (session == null || session.stage() != CandidateSession.Stage.IN_PROGRESS || json == null
                || json.length() > MAX_RESTORE_CHARS || inactive) {
            return;
        }
        Object from;
        Map<Integer, Map<String, String>> tasks;
        try {
            Map<String, Object> earlier = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            from = earlier.get("page");
            tasks = JSON.convertValue(earlier.get("tasks"), new TypeReference<Map<Integer, Map<String, String>>>() { });
        } catch (RuntimeException e) {
            log.debug("Unreadable drafts from a candidate page ignored");
            return;
        }
        if (tasks == null || tasks.isEmpty() || previousPage == null || !previousPage.equals(from)) {
            return;
        }
        try {
            for (var task : tasks.entrySet()) {
                if (task.getKey() >= 0 && task.getKey() < session.tasks().size() && !task.getValue().isEmpty()) {
                    Conflicts.retry("unconfirmed text", () -> attempts.saveTexts(token, page, task.getKey(), task.getValue()));
                }
            }
        } catch (OtherPageException e) {
            otherTab();
            return;
        } catch (AttemptException e) {
            log.debug("Drafts not restored: {}", e.getMessage());
        }
        session = attempts.open(token);
        if (session.stage() == CandidateSession.Stage.IN_PROGRESS) {
            showCurrent(position);
            status("Saved");
        } else {
            reload();
        }
    }

    /** Asked by the page when it becomes visible again: has another tab taken over meanwhile? */
    @ClientCallable
    private void checkActive() {
        if (session != null && session.stage() == CandidateSession.Stage.IN_PROGRESS && !inactive) {
            checkPulse();
        }
    }

    /**
     * Asks the server rather than trusting this page's copy: time may be up, another tab may have submitted
     * or taken over. A cheap check; the whole attempt is read again only when the page reloads.
     */
    private void checkPulse() {
        follow(attempts.pulse(token));
    }

    /** Reloads when the attempt is no longer in progress; stops saving here when another tab has taken over. */
    private void follow(CandidatePulse now) {
        if (!now.inProgress()) {
            reload();
        } else if (!page.equals(now.activePage())) {
            otherTab();
        }
    }

    /**
     * Another tab has taken over: this one stops saving, keeps what it shows (so nothing typed here
     * vanishes from view), and offers to continue here instead, which reloads the work the other tab saved.
     */
    private void otherTab() {
        if (inactive) {
            return;
        }
        inactive = true;
        pending = false;
        if (editor != null) {
            editor.setReadOnly(true);
        }
        getElement().executeJs("window.assayDrafts && window.assayDrafts.clear()");
        status("Not saving in this tab");
        Div banner = new Div();
        banner.setId("other-tab");
        banner.addClassName("other-tab");
        banner.getElement().setAttribute("role", "alert");
        Span text = new Span("This assessment is open in another tab or window, and that one saves your work now. "
                + "This tab has stopped saving so the two never overwrite each other. Anything typed here after "
                + "the other tab opened was not saved: copy it first if you need it.");
        Button here = new Button("Continue in this tab", VaadinIcon.ARROW_RIGHT.create(), e -> {
            attempts.claim(token, page);
            inactive = false;
            reload();
        });
        here.setId("continue-here");
        here.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        banner.add(VaadinIcon.INFO_CIRCLE.create(), text, here);
        workArea().ifPresent(main -> main.addComponentAsFirst(banner));
        here.focus();
    }

    private static String contextPath() {
        var request = com.vaadin.flow.server.VaadinService.getCurrentRequest();
        return request == null ? "" : request.getContextPath();
    }

    private Optional<Main> workArea() {
        return getChildren().flatMap(Component::getChildren).filter(c -> "work".equals(c.getId().orElse(null)))
                .map(Main.class::cast).findFirst();
    }

    private void showCurrent(int at) {
        workArea().ifPresent(main -> show(main, at));
    }

    /** The server side of the page's tick; one per page. */
    private DomListenerRegistration tickListener;

    /**
     * The page's tick, every 15 seconds and when the page is hidden: it reports, per task, the seconds the page
     * was visible and focused, pastes and their length, and focus losses, and it is also the page's periodic
     * check (time up, submitted elsewhere, another tab). One request instead of Flow's poll plus a report: the
     * load harness showed each candidate request costs the server about 1.5 ms of CPU, whatever it carries.
     * The task is read from the page at the moment of each event, so switching tasks never mixes up the counts.
     */
    private void installTick() {
        getElement().executeJs("""
                const root = this;
                if (root.assayTickTimer) { return; }
                const counts = {};
                const at = () => root.dataset.position;
                const bucket = () => counts[at()] || (counts[at()] = {s: 0, p: 0, c: 0, f: 0});
                const seconds = setInterval(() => { if (document.visibilityState === 'visible' && document.hasFocus()
                    && at() !== undefined) bucket().s++; }, 1000);
                root.addEventListener('paste', e => { const b = bucket(); b.p++;
                    b.c += ((e.clipboardData && e.clipboardData.getData('text')) || '').length; }, true);
                window.addEventListener('blur', () => { if (at() !== undefined) bucket().f++; });
                const tick = () => { const observed = [];
                    for (const [pos, b] of Object.entries(counts)) {
                      if (b.s || b.p || b.c || b.f) { observed.push({pos: +pos, s: b.s, p: b.p, c: b.c, f: b.f});
                        counts[pos] = {s: 0, p: 0, c: 0, f: 0}; } }
                    root.dispatchEvent(new CustomEvent('assay-tick', {detail: {signals: JSON.stringify(observed)}})); };
                root.assayFlushSignals = tick;
                root.assayTickSoon = ms => { clearTimeout(root.assayTickSoonTimer); root.assayTickSoonTimer = setTimeout(tick, ms); };
                root.assayTickTimer = setInterval(tick, 15000);
                const hidden = () => { if (document.visibilityState === 'hidden') tick(); };
                document.addEventListener('visibilitychange', hidden);
                root.assayStopTick = () => { clearInterval(root.assayTickTimer); clearInterval(seconds);
                    clearTimeout(root.assayTickSoonTimer); document.removeEventListener('visibilitychange', hidden);
                    root.assayTickTimer = null; };
                """);
        // A DOM event with its data, not a @ClientCallable: Flow decodes each argument of a client call through
        // a Lookup that ends in a ServiceLoader scan of the whole jar (10.9% of CPU samples with 1,000
        // candidates), while event data arrives as plain JSON.
        if (tickListener != null) {
            tickListener.remove();
        }
        DomListenerRegistration tick = getElement().addEventListener("assay-tick",
                e -> onTick(e.getEventData().path("event.detail.signals").asString("")));
        tick.addEventData("event.detail.signals");
        tickListener = tick;
    }

    /** More than any honest page sends in one tick: its length, and reports on this many tasks. */
    private static final int MAX_TICK_CHARS = 10_000;
    private static final int MAX_TICK_TASKS = 20;

    private void onTick(String signals) {
        if (session == null || session.stage() != CandidateSession.Stage.IN_PROGRESS || inactive) {
            return;
        }
        if (pending) {
            saveNow();
        }
        follow(attempts.tick(token, observed(signals)));
    }

    /** The page's per-task observations; anything unreadable or out of range is dropped. */
    static List<AttemptService.SignalCounts> observed(String json) {
        if (json == null || json.isEmpty() || json.length() > MAX_TICK_CHARS) {
            return List.of();
        }
        List<AttemptService.SignalCounts> out = new ArrayList<>();
        try {
            for (JsonNode o : JSON.readTree(json)) {
                int s = o.path("s").asInt(0);
                int p = o.path("p").asInt(0);
                int c = o.path("c").asInt(0);
                int f = o.path("f").asInt(0);
                if (s >= 0 && p >= 0 && c >= 0 && f >= 0 && (s | p | c | f) != 0) {
                    out.add(new AttemptService.SignalCounts(o.path("pos").asInt(-1), s, p, c, f));
                }
                if (out.size() == MAX_TICK_TASKS) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.debug("Unreadable signals from a candidate page ignored");
            return List.of();
        }
        return out;
    }

    private void go(int target) {
        if (!saveNow()) {
            return;
        }
        try {
            attempts.moveTo(token, target);
        } catch (AttemptException e) {
            reload();
            return;
        }
        session = attempts.open(token);
        if (session.stage() != CandidateSession.Stage.IN_PROGRESS) {
            reload();
            return;
        }
        showCurrent(target);
    }

    private void show(Main main, int at) {
        position = at;
        getElement().setAttribute("data-position", String.valueOf(at));
        main.removeAll();
        CandidateTask task = session.tasks().get(at);
        for (int i = 0; i < taskButtons.size(); i++) {
            taskButtons.get(i).getElement().setAttribute("aria-current", i == at ? "step" : "false");
            if (i == at) {
                taskButtons.get(i).addClassName("current");
            } else {
                taskButtons.get(i).removeClassName("current");
            }
        }
        var content = task.task().content();
        EditorEvents events = new EditorEvents() {
            @Override
            public void changed() {
                CandidateView.this.changed();
            }

            @Override
            public void moved(Map<String, String> prefixes) {
                if (!prefixes.isEmpty()) {
                    getElement().executeJs("window.assayDrafts && window.assayDrafts.rekey($0, $1)",
                            String.valueOf(position), JSON.writeValueAsString(prefixes));
                }
            }
        };
        editor = switch (task.task().kind()) {
            case WORKFLOW_DESIGN -> new WorkflowEditor(task.answer().workflow(), events);
            case AUTOMATION_PLAN -> new AutomationEditor(content.automation().workLog(), task.answer().automation(),
                    events);
            case AI_OUTPUT_CRITIQUE -> new CritiqueEditor(content.critique().segments(), task.answer().critique(),
                    events);
            case AI_COLLABORATION -> new CollaborationEditor(task.answer().collaboration(), events,
                    assistant(position, task.task().versionId()));
        };
        Span step = new Span("Task " + (at + 1) + " of " + session.tasks().size());
        step.addClassName("task-step");
        // The automation task's work log is shown once, in the answer, where the candidate ticks activities.
        Div briefCard = new Div(step, new TaskBrief(task.task().kind(), content, TaskBrief.WorkLog.IN_ANSWER));
        briefCard.addClassNames("candidate-card", "candidate-brief");
        briefCard.setId("task-brief");
        Div answerCard = new Div(editor.component());
        answerCard.addClassNames("candidate-card", "candidate-answer");
        answerCard.setId("task-answer");
        Div pager = new Div();
        pager.addClassName("pager");
        if (at > 0) {
            pager.add(new Button("Previous task", VaadinIcon.ARROW_LEFT.create(), e -> go(at - 1)));
        }
        if (at < session.tasks().size() - 1) {
            Button next = new Button("Next task", VaadinIcon.ARROW_RIGHT.create(), e -> go(at + 1));
            next.setIconAfterText(true);
            next.setId("next-task");
            pager.add(next);
        } else {
            Button review = new Button("Review and submit", e -> review());
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pager.add(review);
        }
        Div split = new Div(briefCard, answerCard);
        split.addClassName("task-split");
        main.add(split, pager);
        status(task.savedAt() == null ? "Nothing saved yet" : "Saved");
    }

    /** The assistant of the task at the position, reached through the attempt as this page. */
    private CollaborationEditor.AssistantChannel assistant(int at, long versionId) {
        return new CollaborationEditor.AssistantChannel() {
            @Override
            public List<AssistantTurn> transcript() {
                return attempts.transcript(token, at);
            }

            @Override
            public AssistantTurn ask(String prompt) {
                try {
                    return attempts.ask(token, page, at, versionId, prompt);
                } catch (OtherPageException e) {
                    otherTab();
                    throw new AttemptException("This assessment is open in another tab; carry on there.");
                }
            }
        };
    }

    /** Sets the save status; sent as script too, so it updates even when the text is unchanged on the server. */
    private void status(String text) {
        saveState.setText(text);
        saveState.getElement().executeJs("this.textContent = $0", text);
    }

    private void changed() {
        pending = true;
        saveNow();
    }

    /** Saves the current answer; returns false if it could not be saved (the text stays in the page). */
    private boolean saveNow() {
        if (inactive) {
            return false;
        }
        if (editor == null || !pending || frozen) {
            return true;
        }
        if (editor.oversize()) {
            status("Not saved — a field is over its limit");
            return false;
        }
        // No "Saving…" from here: the page shows it itself as the candidate types, and this request ends with
        // the outcome anyway.
        try {
            Answer saved = editor.value();
            Conflicts.retry("answer save", () -> attempts.save(token, page, position,
                    session.tasks().get(position).task().versionId(), saved));
            pending = false;
            status("Saved");
            confirmDrafts(position, saved);
            return true;
        } catch (OtherPageException e) {
            otherTab();
            return false;
        } catch (AttemptException e) {
            frozen = true;
            editor.setReadOnly(true);
            status("Not saved — " + e.getMessage());
            ConfirmDialog info = new ConfirmDialog("Your answers can no longer change", e.getMessage(), "OK",
                    ok -> reload());
            info.open();
            return false;
        } catch (RuntimeException e) {
            log.warn("Saving an answer failed; the page will retry", e);
            status("Not saved — retrying");
            getElement().executeJs("this.assayTickSoon && this.assayTickSoon(5000)");
            return false;
        }
    }

    /** Tells the page which of its kept texts the server now has, by fingerprint, so it can let them go. */
    private void confirmDrafts(int at, Answer saved) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        AnswerTexts.of(saved).forEach((path, text) -> fingerprints.put(path, fingerprint(text)));
        getElement().executeJs("window.assayDrafts && window.assayDrafts.confirm($0, $1)", String.valueOf(at),
                JSON.writeValueAsString(fingerprints));
    }

    /** The page's fingerprint of a text (candidate-drafts.js): its length and Java's hash code. */
    static String fingerprint(String text) {
        return text.length() + ":" + text.hashCode();
    }

    // ---- review, submit, receipt -------------------------------------------------------------------

    private void review() {
        if (!saveNow()) {
            return;
        }
        session = attempts.open(token);
        if (session.stage() != CandidateSession.Stage.IN_PROGRESS) {
            reload();
            return;
        }
        Main main = workArea().orElseThrow();
        main.removeAll();
        editor = null;
        getElement().removeAttribute("data-position");
        taskButtons.forEach(b -> b.removeClassName("current"));
        Div card = new Div(new H1("Review before you submit"));
        card.addClassName("candidate-card");
        card.setId("review-page");
        int unfinished = 0;
        UnorderedList items = new UnorderedList();
        for (CandidateTask t : session.tasks()) {
            List<String> missing = AnswerRules.unanswered(t.task().kind(), t.answer(), t.task().content());
            unfinished += missing.isEmpty() ? 0 : 1;
            Button open = new Button("Task " + (t.position() + 1) + ": " + t.task().content().title(),
                    e -> {
                        attempts.moveTo(token, t.position());
                        reload();
                    });
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Span state = new Span(missing.isEmpty() ? "Answered" : "Still to do: " + String.join("; ", missing));
            state.addClassNames("status", missing.isEmpty() ? "status-success" : "status-warning");
            items.add(new ListItem(open, state));
        }
        items.addClassName("review-list");
        Paragraph note = new Paragraph(unfinished == 0 ? "Everything has an answer. You can still go back and change it "
                + "until you submit." : "Some parts are still to do. You can submit anyway, or go back and finish them.");
        int toDo = unfinished;
        Button submit = new Button("Submit my answers…", e -> confirmSubmit(toDo));
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        card.add(note, items, submit);
        main.add(card);
    }

    private void confirmSubmit(int unfinished) {
        String warning = unfinished == 0 ? "" : (unfinished == 1 ? "One task still has" : unfinished + " tasks still have")
                + " parts to do. ";
        ConfirmDialog dialog = new ConfirmDialog("Submit your answers?",
                warning + "After you submit, nothing can be changed.", "Submit", e -> {
                    try {
                        Conflicts.retry("submission", () -> attempts.submit(token, page));
                    } catch (OtherPageException ex) {
                        otherTab();
                        return;
                    } catch (AttemptException ex) {
                        log.info("Submit refused: {}", ex.getMessage());
                    }
                    reload();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Go back");
        dialog.open();
    }

    /**
     * The voluntary questions, offered only now that the work is submitted: sex and race/ethnicity (EEO-1), each
     * with "prefer not to say", either may be left out. Stored apart from the work, counted only in totals.
     */
    private Component selfIdentification() {
        Div card = new Div();
        card.addClassNames("candidate-card", "self-id-card");
        card.setId("self-id");
        Select<SelfIdentification.Sex> sex = new Select<>();
        sex.setId("self-id-sex");
        sex.setLabel("Sex");
        sex.setItems(SelfIdentification.Sex.values());
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption("No answer");
        sex.setItemLabelGenerator(s -> s == null ? "No answer" : s.label());
        Select<SelfIdentification.RaceEthnicity> race = new Select<>();
        race.setId("self-id-race");
        race.setLabel("Race / ethnicity");
        race.setItems(SelfIdentification.RaceEthnicity.values());
        race.setEmptySelectionAllowed(true);
        race.setEmptySelectionCaption("No answer");
        race.setItemLabelGenerator(r -> r == null ? "No answer" : r.label());
        Map<String, Select<String>> added = new LinkedHashMap<>();
        for (SelfIdentificationQuestions.Extra q : questions.extra()) {
            Select<String> select = new Select<>();
            select.setId("self-id-extra-" + q.key());
            select.setLabel(q.question());
            List<String> options = new ArrayList<>(q.options());
            options.add(SelfIdentificationQuestions.PREFER_NOT_TO_SAY);
            select.setItems(options);
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("No answer");
            select.setItemLabelGenerator(o -> o == null ? "No answer" : o);
            added.put(q.key(), select);
        }
        Paragraph problem = new Paragraph();
        problem.setId("self-id-problem");
        problem.addClassName("field-problem");
        problem.setVisible(false);
        Button save = new Button("Save my answers", e -> {
            try {
                Map<String, String> extra = new LinkedHashMap<>();
                added.forEach((key, select) -> {
                    if (select.getValue() != null) {
                        extra.put(key, select.getValue());
                    }
                });
                attempts.selfIdentify(token, new SelfIdentification(sex.getValue(), race.getValue(), extra));
                card.removeAll();
                Paragraph thanks = new Paragraph("Thank you. Your answers are stored apart from your work and only "
                        + "ever counted in totals.");
                thanks.setId("self-id-thanks");
                card.add(thanks);
            } catch (AttemptException ex) {
                problem.setText(ex.getMessage());
                problem.setVisible(true);
            }
        });
        save.setId("self-id-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div fields = new Div(sex, race);
        added.values().forEach(fields::add);
        fields.addClassName("self-id-fields");
        card.add(new H2("Optional: help us check this hiring is fair"),
                new Paragraph("These questions are voluntary and you can skip them by closing the page. Your work is "
                        + "already submitted, so your answers cannot affect it. They are kept apart from your work, "
                        + "never shown to the reviewers or anyone deciding about you, and only ever counted in totals "
                        + "to check whether the assessment treats groups of people differently."),
                fields, problem, save);
        return card;
    }

    private void receipt() {
        title = "Submitted";
        Div card = new Div();
        card.addClassNames("candidate-card", "candidate-receipt");
        card.setId("receipt");
        Div icon = new Div(VaadinIcon.CHECK_CIRCLE.create());
        icon.addClassName("receipt-icon");
        card.add(icon, new H1("Thank you, your answers are submitted"), new Paragraph(session.submittedAutomatically()
                ? "Time ran out, so everything you had saved was submitted for you at "
                        + Dates.longDateTime(session.submittedAt()) + "."
                : "Submitted at " + Dates.longDateTime(session.submittedAt()) + "."),
                new Paragraph("The hiring team's reviewers will score your work without seeing your name. You will "
                        + "hear from " + session.contact() + " about the next steps."),
                new Paragraph("You can close this page. Your answers can no longer be changed."));
        Main main = new Main(card);
        if (!attempts.selfIdentified(token)) {
            main.add(selfIdentification());
        }
        main.addClassName("candidate-main");
        add(topBar(), main);
    }
}
