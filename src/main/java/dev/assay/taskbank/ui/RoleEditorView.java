package dev.assay.taskbank.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.UnsavedChanges;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.DefaultCompetencyModel;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.Keys;
import dev.assay.taskbank.Problems;
import dev.assay.taskbank.RoleDetail;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricSaved;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates a role or edits one: its description and its rubric, with every level anchored. */
@Route("recruiter/role")
@RolesAllowed("RECRUITER")
public class RoleEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle,
        BeforeLeaveObserver {


    private final JobRoleService roles;
    private final TextField name = new TextField("Role name");
    private final TextArea description = new TextArea("Description");
    private final Div criteriaList = new Div();
    private final List<CriterionEditor> editors = new ArrayList<>();
    private final Span rubricStatus = new Span();
    private final Span weightTotal = new Span();
    private final Div history = new Div();
    private final ProblemList problems = new ProblemList();
    private RoleDetail role;

    private final UnsavedChanges unsaved = new UnsavedChanges(this, "this role and its rubric");

    public RoleEditorView(JobRoleService roles) {
        this.roles = roles;
        unsaved.saveWith("Save and leave", this::save);
        unsaved.watch(name, description);
        setId("role-editor");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return (role == null ? "New role" : role.name()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        removeAll();
        editors.clear();
        unsaved.saved();
        try {
            role = id == null ? null : roles.get(id);
        } catch (TaskBankException e) {
            role = null;
            Toasts.error(e.getMessage());
        }
        build();
    }

    private void build() {
        Button back = new Button("All roles", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(RolesView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new ViewHeader(role == null ? "New role" : role.name(), role == null
                ? "Describe the role and adapt the rubric reviewers will score it with."
                : "Role key: " + role.key() + " — tasks and files refer to the role by this key."));

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ContentRules.MAX_NAME);
        name.setWidth("28rem");
        name.setMaxWidth("100%");
        name.setId("role-name");
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(ContentRules.MAX_DESCRIPTION);
        description.setHelperText("What the job is and how AI shows up in it. Reviewers read this.");
        description.setWidthFull();
        description.setMinHeight("6rem");
        description.setId("role-description");
        Div about = new Div(new H3("About the role"), name, description);
        about.addClassNames("card", "form-card");

        List<RubricCriterion> criteria = role == null ? DefaultCompetencyModel.criteria() : role.currentRubric().criteria();
        criteria.forEach(this::addEditor);
        Button addCriterion = new Button("Add criterion", VaadinIcon.PLUS.create(), e -> {
            Set<String> keys = new HashSet<>();
            editors.forEach(ed -> keys.add(ed.value().key()));
            addEditor(new RubricCriterion(Keys.unique("criterion", keys::contains), "", "", 10, List.of()));
            refreshWeights();
            unsaved.changed();
        });
        addCriterion.setId("add-criterion");
        rubricStatus.addClassName("rubric-status");
        weightTotal.addClassName("weight-total");
        H3 rubricTitle = new H3(role == null ? "Rubric" : "Rubric · version " + role.currentRubric().number());
        Paragraph rubricLead = new Paragraph(role == null
                ? "New rubrics start from Assay's competency model: workflow thinking, automation instinct, critique "
                        + "of AI output, human judgment, and communication. Rename, reweight, add or remove criteria."
                : "Describe observable behaviour at each level, so two reviewers mean the same thing by a 4.");
        rubricLead.addClassName("view-lead");
        Div rubricHead = new Div(new Div(rubricTitle, rubricLead), rubricStatus);
        rubricHead.addClassName("section-head");
        criteriaList.addClassName("criteria-list");
        Div rubricFoot = new Div(addCriterion, weightTotal);
        rubricFoot.addClassName("section-foot");

        Button save = new Button(role == null ? "Create role" : "Save changes", e -> save());
        save.setId("save-role");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate(RolesView.class)));
        Div actions = new Div(save, cancel);
        actions.addClassName("form-actions");

        add(about, rubricHead, criteriaList, rubricFoot, problems, actions);
        if (role != null) {
            name.setValue(role.name());
            description.setValue(role.description());
            RubricView current = role.currentRubric();
            rubricStatus.setText(current.frozen()
                    ? "In use by an assessment: saving creates version " + (current.number() + 1)
                    : "Not yet used by an open assessment: edits change this version");
            rubricStatus.addClassName(current.frozen() ? "status-warning" : "status-muted");
            history.addClassName("rubric-history");
            history.add(new H3("Rubric history"));
            for (RubricView v : role.rubricVersions()) {
                Span line = new Span("Version " + v.number() + " · " + Dates.date(v.createdAt()) + " · "
                        + v.criteria().size() + " criteria" + (v.frozen() ? " · frozen" : ""));
                history.add(new Div(line));
            }
            add(history);
        }
        refreshWeights();
    }

    private void addEditor(RubricCriterion criterion) {
        CriterionEditor editor = new CriterionEditor(criterion, this::refreshWeights);
        editor.up.addClickListener(e -> move(editor, -1));
        editor.down.addClickListener(e -> move(editor, 1));
        editor.remove.addClickListener(e -> confirmRemove(editor));
        editors.add(editor);
        criteriaList.add(editor);
        unsaved.watch(editor);
    }

    private void move(CriterionEditor editor, int delta) {
        int from = editors.indexOf(editor);
        int to = from + delta;
        if (to < 0 || to >= editors.size()) {
            return;
        }
        editors.remove(from);
        editors.add(to, editor);
        criteriaList.removeAll();
        editors.forEach(criteriaList::add);
        (delta < 0 ? editor.up : editor.down).focus();
        unsaved.changed();
    }

    private void confirmRemove(CriterionEditor editor) {
        ConfirmDialog dialog = new ConfirmDialog("Remove " + editor.criterionName() + "?",
                "Reviewers will no longer score it. Tasks that list it as evidence keep their published versions.",
                "Remove", e -> {
                    editors.remove(editor);
                    criteriaList.remove(editor);
                    refreshWeights();
                    unsaved.changed();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void refreshWeights() {
        List<RubricCriterion> criteria = editors.stream().map(CriterionEditor::value).toList();
        for (int i = 0; i < editors.size(); i++) {
            editors.get(i).showShare(ContentRules.percentOf(criteria.get(i), criteria));
            editors.get(i).up.setEnabled(i > 0);
            editors.get(i).down.setEnabled(i < editors.size() - 1);
        }
        int total = criteria.stream().mapToInt(RubricCriterion::weight).sum();
        weightTotal.setText(criteria.size() + (criteria.size() == 1 ? " criterion" : " criteria")
                + " · weights total " + total + " (shown as percentages of the total)");
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        unsaved.beforeLeave(event);
    }

    /** Saves the role and its rubric; returns whether it worked (problems are shown on the page). */
    private boolean save() {
        List<RubricCriterion> criteria = editors.stream().map(CriterionEditor::value).toList();
        Problems found = new Problems();
        if (name.getValue().isBlank()) {
            found.add("name", "give the role a name");
        }
        if (description.getValue().isBlank()) {
            found.add("description", "describe the role in a sentence or two");
        }
        ContentRules.checkRubric(criteria, "criteria", found);
        if (!found.isEmpty()) {
            problems.show("Before saving, fix these:", found.list());
            return false;
        }
        try {
            if (role == null) {
                RoleDetail created = roles.create(name.getValue(), description.getValue(), criteria);
                unsaved.saved();
                Toasts.success("Role " + created.name() + " created with rubric version 1.");
                getUI().ifPresent(ui -> ui.navigate(RoleEditorView.class, created.id()));
            } else {
                roles.describe(role.id(), name.getValue(), description.getValue());
                RubricSaved saved = roles.saveRubric(role.id(), criteria);
                unsaved.saved();
                Toasts.success(saved.newVersion()
                        ? "Saved as rubric version " + saved.rubric().number() + ". Version " + saved.previousNumber()
                                + " stays as it was for the assessments that use it."
                        : "Saved.");
                setParameter(null, role.id());
            }
            return true;
        } catch (TaskBankException e) {
            problems.show(e.getMessage(), e.problems());
            if (e.problems().isEmpty()) {
                Toasts.error(e.getMessage());
            }
            return false;
        }
    }
}
