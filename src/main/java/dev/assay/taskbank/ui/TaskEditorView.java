package dev.assay.taskbank.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
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
import dev.assay.base.ui.Choices;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.UnsavedChanges;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.PlaybookProbe;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleSummary;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskDetail;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskStatus;
import dev.assay.taskbank.brief.TaskBrief;
import dev.assay.taskbank.TaskVersionInfo;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Authors one task: the fields every task has, the section for its kind, and beside them a live
 * preview of exactly what the candidate will see. Drafts save as they are; publishing needs everything.
 */
@Route("recruiter/task")
@RolesAllowed("RECRUITER")
public class TaskEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle,
        BeforeLeaveObserver {


    private final TaskBankService bank;
    private final List<RoleSummary> roleList;
    private final Map<String, List<RubricCriterion>> criteriaByRole = new LinkedHashMap<>();

    private final TextField title = new TextField("Title");
    private final MultiSelectComboBox<RoleSummary> roles = Choices.multi("Roles");
    private final MultiSelectComboBox<String> criteria = Choices.multi("Rubric criteria it gives evidence for");
    private final Select<Difficulty> difficulty = new Select<>();
    private final IntegerField minutes = new IntegerField("Suggested time");
    private final MultiSelectComboBox<String> tags = Choices.multi("Tags");
    private final TextArea instructions;
    private final Div preview = new Div();
    private final ProblemList problems = new ProblemList();
    private final Span saveState = new Span();

    private TaskKind kind;
    private KindSection section;
    private TaskDetail task;
    private final UnsavedChanges unsaved = new UnsavedChanges(this, "this task");
    private boolean loading;

    public TaskEditorView(TaskBankService bank, JobRoleService roleService, PlaybookProbe probe) {
        this.probe = probe;
        unsaved.saveWith("Save draft and leave", this::saveDraft);
        this.bank = bank;
        this.roleList = roleService.list();
        for (RoleSummary r : roleList) {
            criteriaByRole.put(r.key(), roleService.get(r.id()).currentRubric().criteria());
        }
        instructions = Fields.area("Instructions to the candidate", "What you ask them to do and hand in.", this::changed);
        instructions.setId("task-instructions");
        setId("task-editor");
        addClassName("page");
        setPadding(false);
    }

    private final PlaybookProbe probe;

    @Override
    public String getPageTitle() {
        return (task == null ? "New task" : task.summary().title()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        task = null;
        if (parameter != null && parameter.startsWith("new-")) {
            kind = TaskKind.fromCode(parameter.substring(4)).orElse(null);
        } else {
            try {
                task = bank.get(Long.parseLong(parameter));
                kind = task.kind();
            } catch (NumberFormatException | TaskBankException e) {
                kind = null;
            }
        }
        if (kind == null) {
            add(new ViewHeader("Task not found", "It may have been removed, or the address is incomplete."),
                    backButton());
            return;
        }
        build();
        loading = true;
        load(task == null ? TaskContent.blank(kind) : task.content());
        loading = false;
        unsaved.saved();
        refresh();
    }

    private Button backButton() {
        Button back = new Button("Task bank", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TaskBankView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private void build() {
        String heading = task == null ? "New " + kind.label().toLowerCase(Locale.ROOT) + " task" : task.summary().title();
        Div chips = new Div();
        chips.addClassName("chips");
        Span kindChip = new Span(kind.label());
        kindChip.addClassNames("chip", "chip-kind-" + kind.code());
        chips.add(kindChip);
        if (task != null) {
            chips.add(TaskBankView.statusCell(task.summary()));
        }
        add(backButton(), new ViewHeader(heading, kind.summary() + "."), chips);

        title.setId("task-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(ContentRules.MAX_TITLE);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.addValueChangeListener(e -> changed());
        roles.setId("task-roles");
        roles.setItems(roleList);
        roles.setItemLabelGenerator(RoleSummary::name);
        roles.setWidthFull();
        roles.addValueChangeListener(e -> {
            updateCriteriaOptions();
            changed();
        });
        criteria.setId("task-criteria");
        criteria.setWidthFull();
        criteria.setHelperText("From the rubrics of the chosen roles.");
        criteria.addValueChangeListener(e -> changed());
        difficulty.setLabel("Difficulty");
        difficulty.setItems(Difficulty.values());
        difficulty.setItemLabelGenerator(d -> d == null ? "" : d.label());
        difficulty.addValueChangeListener(e -> changed());
        minutes.setId("task-minutes");
        minutes.setMin(ContentRules.MIN_TASK_MINUTES);
        minutes.setMax(ContentRules.MAX_TASK_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setSuffixComponent(new Span("min"));
        minutes.addValueChangeListener(e -> changed());
        tags.setId("task-tags");
        tags.setAllowCustomValue(true);
        tags.setWidthFull();
        tags.setHelperText("Type a new tag and press Enter. Lower-case words and '-'.");
        List<String> known = new ArrayList<>(bank.tagsInUse());
        tags.setItems(known);
        tags.addCustomValueSetListener(e -> {
            String tag = e.getDetail().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            if (tag.isEmpty()) {
                return;
            }
            if (!known.contains(tag)) {
                known.add(tag);
                tags.setItems(known);
            }
            Set<String> value = new TreeSet<>(tags.getValue());
            value.add(tag);
            tags.setValue(value);
        });
        tags.addValueChangeListener(e -> changed());
        Div row = new Div(difficulty, minutes);
        row.addClassName("form-row");
        Div basics = new Div(new H3("Basics"), title, roles, criteria, row, tags, instructions);
        basics.addClassNames("card", "form-card");

        section = switch (kind) {
            case WORKFLOW_DESIGN -> new WorkflowSection(this::changed);
            case AUTOMATION_PLAN -> new AutomationSection(this::changed);
            case AI_OUTPUT_CRITIQUE -> new CritiqueSection(this::changed);
            case AI_COLLABORATION -> new CollaborationSection(this::changed, probe);
        };

        Div form = new Div(basics, section.component());
        form.addClassName("editor-form");
        if (task != null) {
            form.add(settings());
        }
        Span previewLabel = new Span("Candidate preview");
        previewLabel.addClassName("preview-label");
        Span previewNote = new Span("Exactly what candidates see. Reviewer-only parts are left out.");
        previewNote.addClassName("section-note");
        preview.addClassName("preview-body");
        preview.setId("task-preview");
        Div previewPane = new Div(previewLabel, previewNote, preview);
        if (section.previewExtra() != null) {
            previewPane.add(section.previewExtra());
        }
        previewPane.addClassName("editor-preview");
        Div split = new Div(form, previewPane);
        split.addClassName("editor-split");

        Button saveDraft = new Button("Save draft", e -> saveDraft());
        saveDraft.setId("save-draft");
        Button publish = new Button("Publish…", VaadinIcon.CHECK.create(), e -> confirmPublish());
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveState.addClassName("save-state");
        saveState.setId("save-state");
        Div actions = new Div(publish, saveDraft, saveState);
        actions.addClassName("form-actions");
        if (task != null && task.summary().draftChanges()) {
            Button discard = new Button("Discard draft changes", e -> confirmDiscard());
            discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(discard);
        }
        Div bar = new Div(problems, actions);
        bar.addClassName("action-bar");
        add(split, bar);
    }

    private Div settings() {
        IntegerField limit = new IntegerField("Exposure limit");
        limit.setId("exposure-limit");
        limit.setMin(1);
        limit.setClearButtonVisible(true);
        limit.setPlaceholder("No limit");
        limit.setValue(task.summary().exposureLimit());
        limit.setHelperText("Served to " + task.summary().exposureCount() + " candidates so far. Once the limit is "
                + "reached the task is not given to new candidates.");
        Button saveLimit = new Button("Save limit", e -> run(() -> bank.limitExposure(task.id(), limit.getValue()),
                limit.getValue() == null ? "Exposure limit removed." : "Exposure limit set to " + limit.getValue() + "."));
        Div limitRow = new Div(limit, saveLimit);
        limitRow.addClassName("form-row");
        Button retire;
        if (task.summary().status() == TaskStatus.RETIRED) {
            retire = new Button("Restore task", e -> run(() -> bank.restore(task.id()), "Task restored."));
        } else {
            retire = new Button("Retire task…", e -> {
                ConfirmDialog dialog = new ConfirmDialog("Retire this task?",
                        "It will no longer be offered for new assessments or served to new candidates. Past attempts "
                                + "keep the exact version they saw. You can restore it later.",
                        "Retire", c -> run(() -> bank.retire(task.id()), "Task retired."));
                dialog.setCancelable(true);
                dialog.setConfirmButtonTheme("error primary");
                dialog.open();
            });
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        retire.setId("retire-task");
        Div versions = new Div();
        versions.addClassName("version-list");
        for (TaskVersionInfo v : task.versions()) {
            Span line = new Span("Version " + v.number() + " · " + (v.published()
                    ? "published " + Dates.dateTime(v.publishedAt()) + " by " + v.publishedBy()
                    : "draft, last saved by " + v.createdBy()));
            Span hash = new Span(v.published() ? "sha256 " + v.contentHash().substring(0, 12) : "");
            hash.addClassName("hash");
            versions.add(new Div(line, hash));
        }
        Div card = new Div(new H3("Settings and history"), limitRow, retire, new H3("Versions"), versions);
        card.addClassNames("card", "form-card");
        return card;
    }

    private void load(TaskContent content) {
        title.setValue(Fields.nz(content.title()));
        Set<RoleSummary> chosen = new LinkedHashSet<>();
        roleList.stream().filter(r -> content.roles().contains(r.key())).forEach(chosen::add);
        roles.setValue(chosen);
        updateCriteriaOptions();
        criteria.setValue(new LinkedHashSet<>(content.criteria()));
        difficulty.setValue(content.difficulty());
        minutes.setValue(content.timeLimitMinutes());
        Set<String> knownTags = new HashSet<>(bank.tagsInUse());
        knownTags.addAll(content.tags());
        tags.setItems(new TreeSet<>(knownTags));
        tags.setValue(new TreeSet<>(content.tags()));
        instructions.setValue(Fields.nz(content.instructions()));
        section.load(content);
    }

    private void updateCriteriaOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (RoleSummary r : roles.getValue()) {
            for (RubricCriterion c : criteriaByRole.getOrDefault(r.key(), List.of())) {
                options.putIfAbsent(c.key(), c.name());
            }
        }
        Set<String> keep = new LinkedHashSet<>(criteria.getValue());
        criteria.setItems(options.keySet());
        criteria.setItemLabelGenerator(k -> options.getOrDefault(k, k));
        keep.retainAll(options.keySet());
        criteria.setValue(keep);
    }

    private TaskContent content() {
        List<String> roleKeys = roleList.stream().filter(roles.getValue()::contains).map(RoleSummary::key).toList();
        TaskContent common = new TaskContent(title.getValue().strip(), roleKeys, List.copyOf(criteria.getValue()),
                difficulty.getValue(), minutes.getValue() == null ? 0 : minutes.getValue(),
                List.copyOf(new TreeSet<>(tags.getValue())), instructions.getValue().strip(), null, null, null);
        return section.apply(common);
    }

    private void changed() {
        if (loading) {
            return;
        }
        unsaved.changed();
        refresh();
    }

    private void refresh() {
        TaskContent content = content();
        preview.removeAll();
        preview.add(new TaskBrief(kind, content));
        if (unsaved.isDirty()) {
            saveState.setText(task != null && !task.editingDraft()
                    ? "Unsaved changes · saving starts version " + (task.summary().latestVersion() + 1)
                    : "Unsaved changes");
        } else if (task == null) {
            saveState.setText("Not saved yet");
        } else if (task.editingDraft()) {
            saveState.setText("Draft version " + task.summary().latestVersion() + " saved");
        } else {
            saveState.setText("Version " + task.summary().publishedVersion() + " is published; edits start version "
                    + (task.summary().latestVersion() + 1));
        }
        problems.clear();
    }

    private boolean saveDraft() {
        TaskContent content = content();
        try {
            TaskDetail saved = task == null ? bank.create(kind, content)
                    : bank.saveDraft(task.id(), content, task.lockVersion());
            unsaved.saved();
            Toasts.success("Draft saved as version " + saved.summary().latestVersion() + ".");
            reopen(saved);
            return true;
        } catch (TaskBankException e) {
            problems.show(e.getMessage(), e.problems());
            return false;
        }
    }

    private void confirmPublish() {
        TaskContent content = content();
        List<dev.assay.taskbank.Problem> missing = bank.problems(kind, content, true);
        if (!missing.isEmpty()) {
            problems.show("Before publishing, complete these:", missing);
            return;
        }
        int next = task == null ? 1
                : task.editingDraft() ? task.summary().latestVersion() : task.summary().latestVersion() + 1;
        ConfirmDialog dialog = new ConfirmDialog("Publish version " + next + "?",
                "A published version never changes: candidates and reviewers see exactly this content, and later "
                        + "edits become a new draft version.",
                "Publish", e -> publish(content));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void publish(TaskContent content) {
        try {
            TaskDetail draft = task == null ? bank.create(kind, content) : task;
            TaskDetail published = bank.publish(draft.id(), content, draft.lockVersion());
            unsaved.saved();
            Toasts.success("Version " + published.summary().publishedVersion() + " is published.");
            reopen(published);
        } catch (TaskBankException e) {
            problems.show(e.getMessage(), e.problems());
            if (e.problems().isEmpty()) {
                Toasts.error(e.getMessage());
            }
        }
    }

    private void confirmDiscard() {
        ConfirmDialog dialog = new ConfirmDialog("Discard the draft changes?",
                "The task goes back to published version " + task.summary().publishedVersion() + ". This cannot be undone.",
                "Discard", e -> run(() -> bank.discardDraft(task.id()), "Draft changes discarded."));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void run(java.util.function.Supplier<TaskDetail> action, String success) {
        try {
            TaskDetail after = action.get();
            Toasts.success(success);
            unsaved.saved();
            reopen(after);
        } catch (TaskBankException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void reopen(TaskDetail detail) {
        if (task != null && task.id() == detail.id()) {
            setParameter(null, String.valueOf(detail.id()));
        } else {
            getUI().ifPresent(ui -> ui.navigate(TaskEditorView.class, String.valueOf(detail.id())));
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        unsaved.beforeLeave(event);
    }
}
