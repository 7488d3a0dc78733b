package dev.assay.review.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.Conflicts;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.UnsavedChanges;
import dev.assay.base.ui.ViewHeader;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.CalibrationGrade;
import dev.assay.review.Disagreement;
import dev.assay.review.ReviewException;
import dev.assay.review.ReviewService;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardGaps;
import dev.assay.review.ScorecardInput;
import dev.assay.review.ScoringSheet;
import dev.assay.review.StaleScorecardException;
import dev.assay.taskbank.RubricCriterion;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scoring one submission: the candidate's response beside the rubric, task by task, then an overall
 * comment and submission. After submitting, the reviewer sees the other reviewers' scorecards and, when
 * the panel disagrees, can record a reconciled score.
 */
@Route("reviews")
@RolesAllowed("REVIEWER")
public class ScoringView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle, BeforeLeaveObserver {

    private final ReviewService reviews;
    private ScoringSheet sheet;
    private final Map<ScoreCell.Cell, RadioButtonGroup<Integer>> levels = new LinkedHashMap<>();
    private final Map<ScoreCell.Cell, TextArea> justifications = new HashMap<>();
    private final TextArea overall = new TextArea("Overall comment");
    private final TextArea reason = new TextArea("Why are you changing your submitted scorecard?");
    private final Span saveState = new Span();
    private final Span status = new Span();
    private final Div problems = new Div();
    private final UnsavedChanges unsaved = new UnsavedChanges(this, "this scorecard");
    private boolean loading;
    private long lastAutosave = System.nanoTime() - AUTOSAVE_SPACING_NANOS;
    private static final long AUTOSAVE_SPACING_NANOS = 1_000_000_000L;

    public ScoringView(ReviewService reviews) {
        this.reviews = reviews;
        setId("scoring-view");
        addClassName("page");
        setPadding(false);
        unsaved.saveWith("Save draft and leave", this::saveDraft).onChange(this::updateSaveState);
    }

    @Override
    public String getPageTitle() {
        return (sheet == null ? "Review" : sheet.calibrationExample() ? sheet.candidateCode()
                : "Review " + sheet.candidateCode()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long assignmentId) {
        try {
            sheet = reviews.sheet(assignmentId);
        } catch (ReviewException e) {
            removeAll();
            add(back(), new ViewHeader("Review not available", e.getMessage()));
            return;
        }
        build();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        unsaved.beforeLeave(event);
    }

    private static Anchor back() {
        Anchor back = new Anchor("reviews", "← My reviews");
        back.addClassName("back-link");
        return back;
    }

    private void build() {
        loading = true;
        removeAll();
        levels.clear();
        justifications.clear();
        status.setId("scorecard-status");
        showStatus();
        add(back(), new ViewHeader(sheet.calibrationExample() ? sheet.candidateCode() : "Review " + sheet.candidateCode(),
                (sheet.calibrationExample() ? "Calibration for " : "") + sheet.assessmentTitle() + " · "
                + sheet.roleName() + " · due " + Formats.date(sheet.dueAt()), status));
        if (sheet.calibrationExample() && sheet.calibration() == null) {
            Div intro = new Div(VaadinIcon.ACADEMY_CAP.create(), new Span("A calibration example: an earlier "
                    + "submission with levels the panel agreed on. Score it as you would a candidate's; after you "
                    + "submit you see the agreed levels and why. It never counts toward any candidate."));
            intro.addClassName("review-banner");
            intro.setId("calibration-intro");
            add(intro);
        }
        if (sheet.revealed() != null) {
            Div who = new Div();
            who.addClassNames("card", "revealed-identity");
            who.setId("revealed-identity");
            who.add(new Span("Candidate " + sheet.candidateCode() + ": " + sheet.revealed().name() + " · "
                    + sheet.revealed().email()), note("Revealed to the panel when the recruiter closed the review."));
            add(who);
        }
        add(banner());

        // One page, task after task, with a jump bar: every field stays in view of the page's own scroll.
        Div jump = new Div();
        jump.addClassName("jump-bar");
        jump.setId("task-jump");
        jump.getElement().setAttribute("role", "navigation");
        jump.getElement().setAttribute("aria-label", "Jump to a task");
        List<Component> sections = new ArrayList<>();
        for (ScoringSheet.SheetTask task : sheet.tasks()) {
            Div section = new Div();
            section.addClassName("task-section");
            section.setId("task-section-" + task.position());
            H3 taskTitle = new H3("Task " + (task.position() + 1) + " · " + task.version().kind().label() + ": "
                    + task.version().content().title());
            taskTitle.addClassName("task-section-title");
            Div split = new Div();
            split.addClassName("review-split");
            Div rubric = new Div();
            rubric.addClassName("review-rubric");
            H4 h = new H4("Score task " + (task.position() + 1));
            h.addClassName("review-rubric-title");
            rubric.add(h);
            for (String key : task.criterionKeys()) {
                rubric.add(criterion(task, sheet.criterion(key)));
            }
            split.add(new ResponsePanel(task), rubric);
            section.add(taskTitle, split);
            sections.add(section);
            jump.add(jumpButton("Task " + (task.position() + 1) + " · " + task.version().kind().label(), section.getId().orElseThrow()));
        }
        Div summary = new Div();
        summary.addClassName("task-section");
        summary.setId("task-section-overall");
        H3 overallTitle = new H3("Overall comment and submission");
        overallTitle.addClassName("task-section-title");
        summary.add(overallTitle, summary());
        sections.add(summary);
        jump.add(jumpButton("Overall and submit", "task-section-overall"));
        if (sheet.calibration() != null) {
            add(calibrationFeedback(sheet.calibration()));
        } else if (sheet.hasSubmitted() && !sheet.calibrationExample()) {
            add(panelSection());
        }
        add(jump);
        sections.forEach(this::add);
        add(actionBar());
        load(sheet.current());
        loading = false;
        unsaved.saved();
        updateSaveState();
    }

    private static Button jumpButton(String label, String target) {
        Button b = new Button(label, e -> e.getSource().getElement().executeJs(
                "document.getElementById($0).scrollIntoView({behavior: 'smooth', block: 'start'})", target));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** The header's status chip, kept in step with every save. */
    private void showStatus() {
        status.setText(statusText());
        status.setClassName("status");
        status.addClassName(sheet.status() == AssignmentStatus.SUBMITTED ? "status-success"
                : sheet.status() == AssignmentStatus.DRAFT ? "status-warning" : "status-muted");
    }

    private String statusText() {
        ScoringSheet.Revision current = sheet.current();
        if (current != null && !current.submitted() && sheet.hasSubmitted()) {
            return "Revision " + current.number() + " draft";
        }
        return sheet.status() == AssignmentStatus.ASSIGNED ? "Not started" : sheet.status().label()
                + (current != null && current.number() > 1 && current.submitted() ? " · revision " + current.number() : "");
    }

    private Component banner() {
        Div banner = new Div();
        banner.addClassName("review-banner");
        banner.setId("review-banner");
        if (sheet.calibrationExample() && sheet.hasSubmitted()) {
            banner.add(VaadinIcon.CHECK.create(), new Span("You submitted this example. Compare your levels with the "
                    + "agreed key below; calibration examples are not changed after submission."));
        } else if (!sheet.editable()) {
            banner.add(VaadinIcon.LOCK.create(), new Span("This review is closed. Scorecards can no longer change."));
        } else if (!sheet.hasSubmitted()) {
            banner.add(VaadinIcon.EYE_SLASH.create(), new Span("You score independently: other reviewers' scores and "
                    + "comments stay hidden until you submit yours. The candidate is shown as a code only."));
        } else {
            banner.add(VaadinIcon.CHECK.create(), new Span("Your scorecard is submitted. You can now see the panel's "
                    + "scores below. Any change you make now is kept as a new revision with your reason."));
        }
        return banner;
    }

    private Component criterion(ScoringSheet.SheetTask task, RubricCriterion criterion) {
        ScoreCell.Cell cell = new ScoreCell.Cell(task.position(), criterion.key());
        Div box = new Div();
        box.addClassName("criterion-score");
        box.setId("score-" + task.position() + "-" + criterion.key());
        H4 name = new H4(criterion.name());
        Paragraph measures = note(criterion.measures());
        RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
        group.setId("level-" + task.position() + "-" + criterion.key());
        group.setAriaLabel(criterion.name() + ", task " + (task.position() + 1));
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(1, 2, 3, 4, 5);
        group.setRenderer(new ComponentRenderer<>(level -> {
            Div item = new Div();
            item.addClassName("level-option");
            Span number = new Span(String.valueOf(level));
            number.addClassName("level-number");
            Span anchor = new Span(criterion.anchor(level));
            anchor.addClassName("level-anchor");
            item.add(number, anchor);
            return item;
        }));
        group.setReadOnly(!sheet.editable());
        TextArea why = new TextArea("Justification");
        why.setId("why-" + task.position() + "-" + criterion.key());
        why.setWidthFull();
        why.setMaxLength(ReviewService.MAX_TEXT);
        why.setValueChangeMode(ValueChangeMode.EAGER);
        why.setHelperText("Optional for levels 2–4; required for 1 and 5.");
        why.setReadOnly(!sheet.editable());
        group.addValueChangeListener(e -> {
            boolean extreme = e.getValue() != null && (e.getValue() == 1 || e.getValue() == 5);
            why.setRequiredIndicatorVisible(extreme);
            group.setInvalid(false);
            if (!extreme) {
                why.setInvalid(false);
            }
            changed();
        });
        why.addValueChangeListener(e -> {
            if (!e.getValue().isBlank()) {
                why.setInvalid(false);
            }
            changed();
        });
        levels.put(cell, group);
        justifications.put(cell, why);
        box.add(name, measures, group, why);
        return box;
    }

    private Component summary() {
        Div box = new Div();
        box.addClassNames("review-summary");
        overall.setId("overall-comment");
        overall.setWidthFull();
        overall.setMinHeight("8rem");
        overall.setMaxLength(ReviewService.MAX_TEXT);
        overall.setHelperText("Required to submit: strengths, concerns, and what you would ask in an interview.");
        overall.setValueChangeMode(ValueChangeMode.EAGER);
        overall.setErrorMessage("Write an overall comment before you submit.");
        overall.addValueChangeListener(e -> {
            if (!e.getValue().isBlank()) {
                overall.setInvalid(false);
            }
            changed();
        });
        overall.setReadOnly(!sheet.editable());
        reason.setId("revision-reason");
        reason.setWidthFull();
        reason.setMaxLength(2_000);
        reason.setHelperText("Kept with the new revision and in the audit log; the previous revision is kept too.");
        reason.setVisible(sheet.hasSubmitted() && sheet.editable());
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.setErrorMessage("Say why you are changing your submitted scorecard.");
        reason.addValueChangeListener(e -> {
            if (!e.getValue().isBlank()) {
                reason.setInvalid(false);
            }
        });
        problems.setId("score-problems");
        problems.addClassName("problem-list");
        problems.setVisible(false);
        box.add(overall, reason, problems);
        if (sheet.history().size() > 1 || sheet.hasSubmitted()) {
            box.add(history());
        }
        return box;
    }

    private Component history() {
        Div list = new Div();
        list.addClassName("version-list");
        list.setId("revision-history");
        list.add(new H4("Revisions"));
        for (ScoringSheet.Revision r : sheet.history()) {
            list.add(new Div(new Span("Revision " + r.number() + " · " + (r.submitted()
                    ? "submitted " + Formats.dateTime(r.submittedAt()) : "draft saved " + Formats.dateTime(r.savedAt()))
                    + (r.reason() == null ? "" : " · reason: " + r.reason()))));
        }
        return list;
    }

    private Component actionBar() {
        Div bar = new Div();
        bar.addClassName("action-bar");
        saveState.setId("save-state");
        saveState.addClassName("save-state");
        Button save = new Button("Save draft", e -> saveDraft());
        save.setId("save-draft");
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Button submit = new Button(sheet.hasSubmitted() ? "Submit revision…" : "Submit scorecard…", e -> confirmSubmit());
        submit.setId("submit-scorecard");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(sheet.editable());
        submit.setEnabled(sheet.editable());
        Div actions = new Div(save, submit, saveState);
        actions.addClassName("form-actions");
        bar.add(actions);
        return bar;
    }

    private void load(ScoringSheet.Revision revision) {
        if (revision == null) {
            return;
        }
        for (ScoreCell c : revision.scores()) {
            RadioButtonGroup<Integer> group = levels.get(c.cell());
            if (group != null) {
                group.setValue(c.level() == 0 ? null : c.level());
                justifications.get(c.cell()).setValue(c.justification());
            }
        }
        overall.setValue(revision.overallComment());
    }

    private ScorecardInput input() {
        List<ScoreCell> cells = new ArrayList<>();
        levels.forEach((cell, group) -> {
            Integer level = group.getValue();
            String why = justifications.get(cell).getValue();
            if (level != null || !why.isBlank()) {
                cells.add(new ScoreCell(cell.taskPosition(), cell.criterionKey(), level == null ? 0 : level, why));
            }
        });
        return new ScorecardInput(cells, overall.getValue());
    }

    /**
     * Every change is saved as a draft as the reviewer goes, so a scorecard survives a closed tab or a lost server
     * node; "Save draft" stays for those who like to press it. While typing, at most one save a second: a change
     * within a second of the last save waits for a save the page asks for 1.2 s after the last keystroke (until
     * then the page counts as having unsaved changes, and leaving asks first).
     */
    private void changed() {
        if (!loading) {
            unsaved.changed();
            if (sheet.editable()) {
                if (System.nanoTime() - lastAutosave >= AUTOSAVE_SPACING_NANOS) {
                    autosave();
                } else {
                    getElement().executeJs("clearTimeout(this.assayAutosave);"
                            + "this.assayAutosave = setTimeout(() => this.$server.trailingSave(), 1200);");
                }
            }
        }
    }

    /** The save the page asks for after the reviewer stopped typing. */
    @ClientCallable
    void trailingSave() {
        if (sheet != null && sheet.editable() && unsaved.isDirty()) {
            autosave();
        }
    }

    private void autosave() {
        lastAutosave = System.nanoTime();
        saveDraft(false);
    }

    private void updateSaveState() {
        long scored = levels.values().stream().filter(g -> g.getValue() != null).count();
        String progress = scored + " of " + levels.size() + " criteria scored";
        if (unsaved.isDirty()) {
            saveState.setText(progress + " · unsaved changes");
        } else if (sheet.current() != null) {
            saveState.setText(progress + " · " + (sheet.current().submitted() ? "submitted " + Formats.dateTime(
                    sheet.current().submittedAt()) : "draft saved " + Formats.dateTime(sheet.current().savedAt())));
        } else {
            saveState.setText(progress);
        }
    }

    private boolean saveDraft() {
        return saveDraft(true);
    }

    private boolean saveDraft(boolean announce) {
        try {
            ScorecardInput draft = input();
            sheet = Conflicts.retry("scorecard draft", () -> reviews.saveDraft(sheet.assignmentId(), draft,
                    sheet.version()));
            unsaved.saved();
            problems.setVisible(false);
            updateSaveState();
            showStatus();
            if (announce) {
                Toasts.success("Draft saved.");
            }
            return true;
        } catch (StaleScorecardException e) {
            showStale(e.getMessage());
        } catch (ReviewException e) {
            showProblems(e.getMessage());
        }
        return false;
    }

    /**
     * Checks the scorecard before asking anything: each field that still needs something is marked where it
     * is, listed above the buttons with a way to reach it, and the first one gets the focus. Only a complete
     * scorecard gets the confirmation.
     */
    private void confirmSubmit() {
        ScorecardGaps gaps = ScorecardGaps.of(sheet, input(), reason.getValue());
        levels.values().forEach(g -> g.setInvalid(false));
        justifications.values().forEach(t -> t.setInvalid(false));
        overall.setInvalid(!gaps.isEmpty() && gaps.commentMissing());
        reason.setInvalid(!gaps.isEmpty() && gaps.reasonMissing());
        if (!gaps.isEmpty()) {
            showGaps(gaps);
            return;
        }
        problems.setVisible(false);
        boolean revision = sheet.hasSubmitted();
        ConfirmDialog dialog = new ConfirmDialog(revision ? "Submit this revision?" : "Submit your scorecard?",
                sheet.calibrationExample() ? "Once submitted, you see the agreed levels and why. A calibration "
                        + "example cannot be changed after submission."
                : revision ? "Your previous revision stays on record with the reason you gave."
                        : "Once submitted, you will see the other reviewers' scores. Later changes need a reason and "
                                + "are kept as a new revision.",
                "Submit", e -> submit());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("primary");
        dialog.setId("confirm-submit");
        dialog.open();
    }

    private void submit() {
        try {
            ScorecardInput card = input();
            sheet = Conflicts.retry("scorecard", () -> reviews.submit(sheet.assignmentId(), card, sheet.version(),
                    reason.getValue()));
            unsaved.saved();
            Toasts.success(sheet.history().size() > 1 && sheet.history().stream().filter(ScoringSheet.Revision::submitted)
                    .count() > 1 ? "Revision submitted." : "Scorecard submitted.");
            build();
        } catch (StaleScorecardException e) {
            showStale(e.getMessage());
        } catch (ReviewException e) {
            showProblems(e.getMessage());
        }
    }

    private void showGaps(ScorecardGaps gaps) {
        List<Component> fields = new ArrayList<>();
        Div list = new Div();
        list.addClassName("gap-list");
        for (ScoreCell.Cell cell : gaps.missingLevels()) {
            RadioButtonGroup<Integer> group = levels.get(cell);
            group.setErrorMessage("Choose a level.");
            group.setInvalid(true);
            fields.add(group);
            list.add(gapLink("Choose a level: " + sheet.describe(cell), group));
        }
        for (ScoreCell.Cell cell : gaps.unjustified()) {
            TextArea why = justifications.get(cell);
            why.setErrorMessage("Explain why you gave a " + levels.get(cell).getValue() + ": extremes need a reason.");
            why.setInvalid(true);
            fields.add(why);
            list.add(gapLink("Justify the " + levels.get(cell).getValue() + ": " + sheet.describe(cell), why));
        }
        if (gaps.commentMissing()) {
            fields.add(overall);
            list.add(gapLink("Write the overall comment", overall));
        }
        if (gaps.reasonMissing()) {
            fields.add(reason);
            list.add(gapLink("Say why you are changing your scorecard", reason));
        }
        problems.removeAll();
        Div head = new Div(VaadinIcon.WARNING.create(), new Span("Not submitted yet: " + gaps.count()
                + (gaps.count() == 1 ? " thing needs" : " things need") + " finishing first. Each is marked on the page."));
        head.addClassName("problem-list-head");
        problems.add(head, list);
        problems.setVisible(true);
        focusOn(fields.getFirst());
    }

    private Button gapLink(String text, Component field) {
        Button link = new Button(text, e -> focusOn(field));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        link.addClassName("gap-link");
        return link;
    }

    private static void focusOn(Component field) {
        field.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus();");
    }

    private void showProblems(String message) {
        problems.removeAll();
        Div head = new Div(VaadinIcon.WARNING.create(), new Span("Not submitted yet"));
        head.addClassName("problem-list-head");
        problems.add(head, new Paragraph(message));
        problems.setVisible(true);
        Toasts.error(message);
    }

    private void showStale(String message) {
        ConfirmDialog dialog = new ConfirmDialog("This scorecard changed elsewhere", message, "Reload", e -> {
            unsaved.saved();
            sheet = reviews.sheet(sheet.assignmentId());
            build();
        });
        dialog.setId("stale-scorecard");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep my text on screen");
        dialog.open();
    }

    /**
     * After a calibration example is submitted: per task × criterion the reviewer's level against the agreed key, the
     * anchors of both levels where they differ, and the rationale for the key.
     */
    private Component calibrationFeedback(CalibrationGrade grade) {
        Div box = new Div();
        box.addClassNames("card", "calibration-feedback");
        box.setId("calibration-feedback");
        box.add(new H3("How your levels compare with the agreed key"));
        Paragraph summary = new Paragraph(String.format(Locale.ROOT, "%.0f%% of the cells within one level of the key; "
                + "the largest difference is %d %s. Your queue shows how the whole round went once every example is "
                + "scored.", grade.withinOne() * 100, grade.largestMiss(), grade.largestMiss() == 1 ? "level" : "levels"));
        summary.setId("calibration-summary");
        box.add(summary);
        for (CalibrationGrade.Cell cell : grade.cells()) {
            Div row = new Div();
            row.addClassNames("calibration-cell", cell.miss() == 0 ? "calibration-exact"
                    : cell.miss() == 1 ? "calibration-near" : "calibration-off");
            RubricCriterion criterion = sheet.criterion(cell.cell().criterionKey());
            Span where = new Span(sheet.describe(cell.cell()));
            where.addClassName("calibration-where");
            Span verdict = new Span("You " + show(cell.level() == 0 ? null : cell.level()) + " · key " + cell.key()
                    + (cell.miss() == 0 ? " · same" : cell.level() == 0 ? " · not scored"
                            : " · " + cell.miss() + (cell.miss() == 1 ? " level apart" : " levels apart")));
            verdict.addClassNames("chip", cell.miss() <= 1 ? "chip-tool" : "chip-flag");
            row.add(where, verdict);
            if (criterion != null) {
                row.add(new Paragraph("Key, level " + cell.key() + ": " + criterion.anchor(cell.key())));
                if (cell.miss() != 0 && cell.level() > 0) {
                    row.add(new Paragraph("Yours, level " + cell.level() + ": " + criterion.anchor(cell.level())));
                }
            }
            if (cell.rationale() != null && !cell.rationale().isBlank()) {
                Paragraph why = new Paragraph("Why the key says " + cell.key() + ": " + cell.rationale());
                why.addClassName("calibration-rationale");
                row.add(why);
            }
            box.add(row);
        }
        return box;
    }

    /** After submission: the panel's scorecards side by side, the flag, and reconciliation. */
    private Component panelSection() {
        Div box = new Div();
        box.addClassNames("card", "panel-scores");
        box.setId("panel-scores");
        box.add(new H3("The panel's scores"));
        if (sheet.peers().isEmpty()) {
            box.add(note(sheet.pendingPeers() > 0 ? "The other reviewers have not submitted yet." : "No other reviews."));
        }
        Map<ScoreCell.Cell, Disagreement> disputed = new HashMap<>();
        sheet.flag().disagreements().forEach(d -> disputed.put(d.cell(), d));
        Map<ScoreCell.Cell, Integer> agreed = new HashMap<>();
        sheet.flag().reconciled().forEach(c -> agreed.put(c.cell(), c.level()));
        if (!sheet.peers().isEmpty()) {
            Grid<ScoreCell.Cell> grid = new Grid<>();
            grid.setId("panel-score-grid");
            grid.setAllRowsVisible(true);
            grid.addColumn(sheet::describe).setHeader("Criterion").setFlexGrow(3);
            Map<ScoreCell.Cell, Integer> mine = levelsOf(sheet.lastSubmitted());
            grid.addColumn(c -> show(mine.get(c))).setHeader("You").setAutoWidth(true).setFlexGrow(0);
            for (ScoringSheet.Peer peer : sheet.peers()) {
                Map<ScoreCell.Cell, Integer> theirs = levelsOf(peer.revision());
                grid.addColumn(c -> show(theirs.get(c))).setHeader(peer.reviewerName()).setAutoWidth(true).setFlexGrow(0);
            }
            if (!agreed.isEmpty()) {
                grid.addColumn(c -> show(agreed.get(c))).setHeader("Reconciled").setAutoWidth(true).setFlexGrow(0);
            }
            grid.setPartNameGenerator(c -> disputed.containsKey(c) ? "disputed" : null);
            grid.setItems(new ArrayList<>(levels.keySet()));
            box.add(grid);
            for (ScoringSheet.Peer peer : sheet.peers()) {
                if (!peer.revision().overallComment().isBlank()) {
                    Paragraph p = new Paragraph(peer.reviewerName() + ": " + peer.revision().overallComment());
                    p.addClassName("peer-comment");
                    box.add(p);
                }
            }
        }
        ScoringSheet.Flag flag = sheet.flag();
        if (flag.flagged()) {
            Div state = new Div();
            state.setId("flag-state");
            state.addClassName(flag.resolution() == null ? "flag-open" : "flag-resolved");
            if (flag.resolution() == null) {
                state.add(VaadinIcon.FLAG.create(), new Span("Flagged: the reviews differ by two or more levels on "
                        + flag.disagreements().stream().map(d -> sheet.describe(d.cell())).reduce((a, b) -> a + ", " + b)
                                .orElse("some criteria") + "."));
            } else {
                state.add(VaadinIcon.CHECK_CIRCLE.create(), new Span("Disagreement resolved (" + flag.resolution().label()
                        + ") by " + flag.resolvedBy() + ", " + Formats.dateTime(flag.resolvedAt()) + ": " + flag.reason()));
            }
            box.add(state);
        }
        if (flag.canReconcile()) {
            box.add(reconcileForm(flag));
        }
        return box;
    }

    private Component reconcileForm(ScoringSheet.Flag flag) {
        Div form = new Div();
        form.addClassName("reconcile-form");
        form.setId("reconcile-form");
        form.add(new H4("Record a reconciled score"), note("Discuss with the other reviewers, then record the level "
                + "you agreed on for each disputed criterion. Or ask the recruiter for an extra reviewer."));
        Map<ScoreCell.Cell, Select<Integer>> picks = new LinkedHashMap<>();
        Div row = new Div();
        row.addClassName("form-row");
        for (Disagreement d : flag.disagreements()) {
            Select<Integer> pick = new Select<>();
            pick.setLabel(sheet.describe(d.cell()) + " (given " + d.levels() + ")");
            pick.setItems(1, 2, 3, 4, 5);
            pick.setPlaceholder("Agreed level");
            pick.addClassName("reconcile-level");
            picks.put(d.cell(), pick);
            row.add(pick);
        }
        TextArea why = new TextArea("Reason");
        why.setId("reconcile-reason");
        why.setWidthFull();
        why.setMaxLength(2_000);
        why.setHelperText("How the panel reached this score. Kept on the board and in the audit log.");
        Button record = new Button("Record reconciled score", e -> {
            Map<ScoreCell.Cell, Integer> chosen = new HashMap<>();
            picks.forEach((cell, pick) -> {
                if (pick.getValue() != null) {
                    chosen.put(cell, pick.getValue());
                }
            });
            try {
                sheet = reviews.reconcile(sheet.assignmentId(), chosen, why.getValue(), sheet.submissionVersion());
                Toasts.success("Reconciled score recorded.");
                build();
            } catch (StaleScorecardException ex) {
                showStale(ex.getMessage());
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        record.setId("record-reconciliation");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(row, why, record);
        return form;
    }

    private static Map<ScoreCell.Cell, Integer> levelsOf(ScoringSheet.Revision r) {
        Map<ScoreCell.Cell, Integer> map = new HashMap<>();
        if (r != null) {
            r.scores().forEach(c -> map.put(c.cell(), c.level()));
        }
        return map;
    }

    private static String show(Integer level) {
        return level == null || level == 0 ? "–" : String.valueOf(level);
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("section-note");
        return p;
    }
}
