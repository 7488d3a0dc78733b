package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import dev.assay.base.ui.UnsavedChanges;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleSummary;
import dev.assay.taskbank.SlotSpec;
import dev.assay.taskbank.SlotView;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskSummary;
import dev.assay.taskbank.AssessmentActivity;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds an assessment: role, ordered task slots (fixed or random), time limit and introduction. */
@Route("recruiter/assessment")
@RolesAllowed("RECRUITER")
public class AssessmentEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle,
        BeforeLeaveObserver {

    private final AssessmentService assessments;
    private final TaskBankService bank;
    private final List<RoleSummary> roleList;
    private final Map<String, String> roleNames;

    private final TextField title = new TextField("Title");
    private final Select<RoleSummary> role = new Select<>();
    private final IntegerField minutes = new IntegerField("Total time limit");
    private final TextArea intro = new TextArea("Introduction for candidates");
    private final Checkbox accommodations = new Checkbox("Extra time may be granted as an accommodation");
    private final Div slotList = new Div();
    private final Span slotSummary = new Span();
    private final ProblemList problems = new ProblemList();
    private final List<SlotView> slots = new ArrayList<>();
    private AssessmentView assessment;
    private final UnsavedChanges unsaved = new UnsavedChanges(this, "this assessment");

    private final ObjectProvider<AssessmentActivity> activity;

    public AssessmentEditorView(AssessmentService assessments, TaskBankService bank, JobRoleService roles,
            ObjectProvider<AssessmentActivity> activity) {
        this.assessments = assessments;
        this.activity = activity;
        this.bank = bank;
        this.roleList = roles.list();
        this.roleNames = roleList.stream().collect(Collectors.toMap(RoleSummary::key, RoleSummary::name));
        setId("assessment-editor");
        addClassName("page");
        setPadding(false);
        unsaved.saveWith("Save and leave", () -> save(false));
        unsaved.watch(title, role, minutes, intro, accommodations);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        unsaved.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return (assessment == null ? "New assessment" : assessment.title()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        removeAll();
        slots.clear();
        unsaved.saved();
        assessment = null;
        if (id != null) {
            try {
                assessment = assessments.get(id);
            } catch (TaskBankException e) {
                add(new ViewHeader("Assessment not found", "It may have been removed."), back());
                return;
            }
        }
        build();
    }

    private Button back() {
        Button back = new Button("Assessments", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(AssessmentsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private boolean editable() {
        return assessment == null || assessment.status() == AssessmentStatus.DRAFT;
    }

    private void build() {
        add(back(), new ViewHeader(assessment == null ? "New assessment" : assessment.title(), assessment == null
                ? "Choose the role, the tasks in order, and the time candidates get."
                : statusLine()));

        title.setId("assessment-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(160);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.addValueChangeListener(e -> check());
        role.setId("assessment-role");
        role.setLabel("Role");
        role.setItems(roleList);
        role.setItemLabelGenerator(r -> r == null ? "" : r.name());
        role.setWidth("22rem");
        role.setHelperText("Candidates are scored with this role's current rubric.");
        role.addValueChangeListener(e -> check());
        minutes.setId("assessment-minutes");
        minutes.setMin(AssessmentService.MIN_TOTAL_MINUTES);
        minutes.setMax(AssessmentService.MAX_TOTAL_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setStep(5);
        minutes.setSuffixComponent(new Span("min"));
        minutes.setValueChangeMode(ValueChangeMode.EAGER);
        minutes.addValueChangeListener(e -> check());
        intro.setId("assessment-intro");
        intro.setWidthFull();
        intro.setMinHeight("7rem");
        intro.setMaxLength(AssessmentService.MAX_INTRO);
        intro.setHelperText("Shown on the landing page before candidates start: what to expect and how to prepare.");
        intro.setValueChangeMode(ValueChangeMode.LAZY);
        intro.addValueChangeListener(e -> check());
        accommodations.setValue(true);
        Div row = new Div(role, minutes);
        row.addClassName("form-row");
        Div basics = new Div(new H3("Basics"), title, row, intro, accommodations);
        basics.addClassNames("card", "form-card");

        Button addFixed = new Button("Add a task", VaadinIcon.PLUS.create(), e -> openFixedDialog());
        addFixed.setId("add-fixed-slot");
        Button addRandom = new Button("Add a random pick", VaadinIcon.RANDOM.create(), e -> openRandomDialog());
        addRandom.setId("add-random-slot");
        slotList.addClassName("slot-list");
        slotSummary.addClassName("section-note");
        slotSummary.setId("slot-summary");
        Div slotActions = new Div(addFixed, addRandom);
        slotActions.addClassName("section-foot");
        slotActions.setVisible(editable());
        Paragraph slotLead = new Paragraph("Candidates do the tasks in this order. A random pick gives each candidate "
                + "their own tasks from a pool of published tasks, which limits how much any one task is exposed.");
        slotLead.addClassName("view-lead");
        Div tasksCard = new Div(new H3("Tasks"), slotLead, slotList, slotSummary, slotActions);
        tasksCard.addClassNames("card", "form-card");

        Div actions = new Div();
        actions.addClassName("form-actions");
        if (editable()) {
            Button save = new Button(assessment == null ? "Save draft" : "Save changes", e -> save(false));
            save.setId("save-assessment");
            Button open = new Button("Open for invitations…", VaadinIcon.UNLOCK.create(), e -> confirmOpen());
            open.setId("open-assessment");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(open, save);
        } else if (assessment.status() == AssessmentStatus.OPEN) {
            // By address: invitations live downstream in their own module.
            Button invite = new Button("Invite and follow candidates", VaadinIcon.USERS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("recruiter/invitations/" + assessment.id())));
            invite.setId("manage-candidates");
            invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(invite);
            actions.add(reviewBoard());
            Button close = new Button("Close assessment…", e -> confirmClose());
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(close);
        } else if (assessment.status() == AssessmentStatus.CLOSED) {
            actions.add(reviewBoard());
        }
        Div bar = new Div(problems, actions);
        bar.addClassName("action-bar");
        add(basics, tasksCard, bar);

        if (assessment != null) {
            title.setValue(assessment.title());
            roleList.stream().filter(r -> r.id() == assessment.roleId()).findFirst().ifPresent(role::setValue);
            minutes.setValue(assessment.totalMinutes());
            intro.setValue(assessment.intro());
            accommodations.setValue(assessment.accommodationsAllowed());
            slots.addAll(assessment.slots());
        } else {
            minutes.setValue(60);
        }
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(title, role, minutes, intro, accommodations)) {
            field.setReadOnly(!editable());
        }
        showSlots();
    }

    private String statusLine() {
        return switch (assessment.status()) {
            case DRAFT -> "Draft · scored with " + assessment.roleName() + " rubric version " + assessment.rubricVersionNumber();
            case OPEN -> (scoringClosed() ? "Open for invitations, scoring closed" : "Open for invitations")
                    + " · scored with " + assessment.roleName() + " rubric version "
                    + assessment.rubricVersionNumber() + ", now frozen. Its tasks and rubric can no longer change.";
            case CLOSED -> "Closed · no new invitations.";
        };
    }

    /** Whether the review panel has closed scoring: the same reading the assessments list shows. */
    private boolean scoringClosed() {
        AssessmentActivity.Progress p = activity.getIfAvailable(() -> ids -> Map.of())
                .progress(List.of(assessment.id())).getOrDefault(assessment.id(), AssessmentActivity.Progress.NONE);
        return p.reviewClosed();
    }

    private void showSlots() {
        slotList.removeAll();
        if (slots.isEmpty()) {
            Div empty = new Div(new Span("No tasks yet. Add a fixed task or a random pick."));
            empty.addClassName("slot-empty");
            slotList.add(empty);
        }
        for (int i = 0; i < slots.size(); i++) {
            slotList.add(slotRow(i));
        }
        check();
    }

    /** How many tasks a candidate gets and how long they suggest, warning when that exceeds the time limit. */
    private void showSlotSummary() {
        int tasks = slots.stream().mapToInt(s -> s.spec().count()).sum();
        int suggested = slots.stream().mapToInt(SlotView::suggestedMinutes).sum();
        int limit = minutes.getValue() == null ? 0 : minutes.getValue();
        boolean over = editable() && tasks > 0 && limit > 0 && suggested > limit;
        slotSummary.setText(tasks == 0 ? "" : tasks + (tasks == 1 ? " task" : " tasks") + " per candidate · suggested "
                + "time adds up to about " + suggested + " min" + (over ? ", more than the " + limit + "-minute limit: "
                + "candidates are likely to run out of time. Raise the limit or drop a task." : ""));
        slotSummary.setClassName(over ? "form-warning" : "section-note");
        slotSummary.getElement().setAttribute("role", over ? "alert" : "status");
    }

    private Component slotRow(int index) {
        SlotView slot = slots.get(index);
        Span number = new Span(String.valueOf(index + 1));
        number.addClassName("slot-number");
        Span name = new Span(slot.title());
        name.addClassName("cell-primary");
        Span detail = new Span(slot.detail() + (slot.spec().isFixed() ? "" : " · pool of " + slot.poolSize()));
        detail.addClassName("cell-secondary");
        Div text = new Div(name, detail);
        text.addClassName("cell-stack");
        Span time = new Span(slot.suggestedMinutes() > 0 ? "≈ " + slot.suggestedMinutes() + " min" : "");
        time.addClassName("slot-time");
        Div row = new Div(number, slot.spec().isFixed() ? VaadinIcon.FILE_TEXT_O.create() : VaadinIcon.RANDOM.create(),
                text, time);
        row.addClassName("slot-row");
        if (editable()) {
            Button up = iconButton(VaadinIcon.ARROW_UP, "Move task " + (index + 1) + " up", () -> swap(index, index - 1));
            up.setEnabled(index > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move task " + (index + 1) + " down", () -> swap(index, index + 1));
            down.setEnabled(index < slots.size() - 1);
            Button remove = iconButton(VaadinIcon.TRASH, "Remove task " + (index + 1), () -> {
                slots.remove(index);
                showSlots();
                unsaved.changed();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Div tools = new Div(up, down, remove);
            tools.addClassName("slot-tools");
            row.add(tools);
        }
        return row;
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }

    private void swap(int a, int b) {
        SlotView x = slots.get(a);
        slots.set(a, slots.get(b));
        slots.set(b, x);
        showSlots();
        unsaved.changed();
    }

    private void openFixedDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a task");
        ComboBox<TaskSummary> task = new ComboBox<>("Published task");
        task.setId("fixed-task");
        String roleKey = role.getValue() == null ? null : role.getValue().key();
        List<TaskSummary> published = bank.published().stream()
                .sorted(Comparator.comparing((TaskSummary t) -> roleKey != null && t.roleKeys().contains(roleKey) ? 0 : 1)
                        .thenComparing(TaskSummary::title))
                .toList();
        task.setItems(published);
        task.setItemLabelGenerator(t -> t.title() + " — " + t.kind().label() + " · " + t.roleKeys().stream()
                .map(k -> roleNames.getOrDefault(k, k)).sorted().collect(Collectors.joining(", ")));
        task.setWidth("36rem");
        task.setMaxWidth("100%");
        task.setHelperText(roleKey == null ? "Choose the role first to see its tasks at the top."
                : "Tasks for " + role.getValue().name() + " are listed first.");
        Button add = new Button("Add task", e -> {
            TaskSummary t = task.getValue();
            if (t == null) {
                task.setInvalid(true);
                task.setErrorMessage("Choose a task.");
                return;
            }
            slots.add(new SlotView(SlotSpec.fixed(t.publishedVersionId()), t.title(),
                    t.kind().label() + " · " + t.difficulty().label() + " · version " + t.publishedVersion(),
                    t.timeLimitMinutes(), 1));
            dialog.close();
            showSlots();
            unsaved.changed();
        });
        add.setId("confirm-fixed-slot");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(task);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), add);
        dialog.open();
        task.focus();
    }

    private void openRandomDialog() {
        if (role.getValue() == null) {
            Toasts.error("Choose the role first: a random pick draws from that role's tasks.");
            return;
        }
        RoleSummary r = role.getValue();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a random pick from " + r.name() + " tasks");
        IntegerField count = new IntegerField("How many tasks");
        count.setId("random-count");
        count.setValue(1);
        count.setMin(1);
        count.setMax(AssessmentService.MAX_PICKS);
        count.setStepButtonsVisible(true);
        Select<TaskKind> kind = new Select<>();
        kind.setId("random-kind");
        kind.setLabel("Kind");
        kind.setItems(TaskKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Any kind");
        kind.setItemLabelGenerator(k -> k == null ? "Any kind" : k.label());
        Select<Difficulty> difficulty = new Select<>();
        difficulty.setLabel("Difficulty");
        difficulty.setItems(Difficulty.values());
        difficulty.setEmptySelectionAllowed(true);
        difficulty.setEmptySelectionCaption("Any difficulty");
        difficulty.setItemLabelGenerator(d -> d == null ? "Any difficulty" : d.label());
        ComboBox<String> tag = new ComboBox<>("Tag");
        tag.setItems(bank.tagsInUse());
        tag.setPlaceholder("Any tag");
        tag.setClearButtonVisible(true);
        Span pool = new Span();
        pool.setId("random-pool");
        pool.addClassName("pool-size");
        Runnable update = () -> {
            int size = assessments.poolSize(r.key(), kind.getValue(), tag.getValue(), difficulty.getValue());
            int wanted = count.getValue() == null ? 0 : count.getValue();
            pool.setText(size + (size == 1 ? " published task matches" : " published tasks match")
                    + (size < wanted ? " — not enough for " + wanted : ""));
            pool.getElement().setAttribute("data-enough", String.valueOf(size >= wanted));
        };
        count.addValueChangeListener(e -> update.run());
        kind.addValueChangeListener(e -> update.run());
        difficulty.addValueChangeListener(e -> update.run());
        tag.addValueChangeListener(e -> update.run());
        update.run();
        Button add = new Button("Add random pick", e -> {
            int n = count.getValue() == null ? 0 : count.getValue();
            if (n < 1 || n > AssessmentService.MAX_PICKS) {
                count.setInvalid(true);
                count.setErrorMessage("From 1 to " + AssessmentService.MAX_PICKS + ".");
                return;
            }
            int size = assessments.poolSize(r.key(), kind.getValue(), tag.getValue(), difficulty.getValue());
            List<String> filters = new ArrayList<>(List.of(r.name(),
                    kind.getValue() == null ? "any kind" : kind.getValue().label()));
            if (difficulty.getValue() != null) {
                filters.add(difficulty.getValue().label());
            }
            if (tag.getValue() != null) {
                filters.add("tag " + tag.getValue());
            }
            slots.add(new SlotView(SlotSpec.random(n, r.key(), kind.getValue(), tag.getValue(), difficulty.getValue()),
                    n == 1 ? "1 random task" : n + " random tasks", "From: " + String.join(" · ", filters),
                    n * assessments.poolAverageMinutes(r.key(), kind.getValue(), tag.getValue(), difficulty.getValue()),
                    size));
            dialog.close();
            showSlots();
            unsaved.changed();
        });
        add.setId("confirm-random-slot");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div fields = new Div(count, kind, difficulty, tag);
        fields.addClassName("dialog-fields");
        dialog.add(fields, pool);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), add);
        dialog.open();
    }

    private AssessmentSpec spec() {
        return new AssessmentSpec(title.getValue(), role.getValue() == null ? null : role.getValue().id(),
                minutes.getValue() == null ? 0 : minutes.getValue(), intro.getValue(), accommodations.getValue(),
                slots.stream().map(SlotView::spec).toList());
    }

    private void check() {
        showSlotSummary();
        if (!editable()) {
            problems.clear();
            return;
        }
        var found = assessments.problems(spec());
        problems.show("Before this assessment can open:", found);
    }

    private boolean save(boolean quiet) {
        try {
            AssessmentView saved = assessment == null ? assessments.create(spec())
                    : assessments.update(assessment.id(), spec());
            unsaved.saved();
            if (!quiet) {
                Toasts.success("Saved.");
            }
            show(saved.id());
            return true;
        } catch (TaskBankException e) {
            Toasts.error(e.getMessage());
            return false;
        }
    }

    /** Shows the saved assessment: rebuilds in place if this view already shows it, else navigates. */
    private void show(long id) {
        if (assessment != null && assessment.id() == id) {
            setParameter(null, id);
        } else {
            getUI().ifPresent(ui -> ui.navigate(AssessmentEditorView.class, id));
        }
    }

    private void confirmOpen() {
        var found = assessments.problems(spec());
        if (!found.isEmpty()) {
            problems.show("Before this assessment can open:", found);
            Toasts.error("The assessment is not ready to open yet; see the list above the buttons.");
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog("Open this assessment for invitations?",
                "Its tasks, time limit and rubric version are fixed from now on, so every candidate is assessed and "
                        + "scored the same way. To change anything later, create a new assessment.",
                "Open", e -> {
                    try {
                        AssessmentView saved = assessment == null ? assessments.create(spec())
                                : assessments.update(assessment.id(), spec());
                        AssessmentView opened = assessments.open(saved.id());
                        unsaved.saved();
                        Toasts.success("\"" + opened.title() + "\" is open for invitations.");
                        show(opened.id());
                    } catch (TaskBankException ex) {
                        problems.show(ex.getMessage(), ex.problems());
                    }
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    /** By address, like the candidates' page: review is a downstream module. */
    private Button reviewBoard() {
        Button board = new Button("Review board", VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("recruiter/review/" + assessment.id())));
        board.setId("open-review-board");
        return board;
    }

    private void confirmClose() {
        ConfirmDialog dialog = new ConfirmDialog("Close this assessment?",
                "No new candidates can be invited. Candidates already invited can still finish.", "Close assessment",
                e -> {
                    try {
                        assessments.close(assessment.id());
                        Toasts.success("Assessment closed.");
                        show(assessment.id());
                    } catch (TaskBankException ex) {
                        Toasts.error(ex.getMessage());
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
