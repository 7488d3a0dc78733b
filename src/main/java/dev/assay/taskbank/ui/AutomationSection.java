package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.AutomationPlan;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import java.util.ArrayList;
import java.util.List;

/** Automation plan: a week's work log with the repetitive work marked for reviewers. */
class AutomationSection implements KindSection {

    private final Runnable changed;
    private final TextArea scenario;
    private final TextArea guidance;
    private final Div rows = new Div();
    private final Span summary = new Span();
    private final List<Row> entries = new ArrayList<>();
    private final Div root;

    private final class Row extends Div {
        final Select<String> day = new Select<>();
        final TextField activity = new TextField();
        final IntegerField minutes = new IntegerField();
        final Checkbox repetitive = new Checkbox();
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());

        Row(WorkLogEntry e) {
            addClassName("log-row");
            day.setItems(WorkLogEntry.DAYS);
            day.setValue(WorkLogEntry.DAYS.contains(e.day()) ? e.day() : "Mon");
            day.setAriaLabel("Day");
            activity.setValue(e.activity());
            activity.setPlaceholder("What they did");
            activity.setAriaLabel("Activity");
            activity.setMaxLength(ContentRules.MAX_LINE);
            activity.setValueChangeMode(ValueChangeMode.LAZY);
            minutes.setValue(e.minutes() > 0 ? e.minutes() : null);
            minutes.setAriaLabel("Minutes");
            minutes.setMin(1);
            minutes.setMax(600);
            minutes.setSuffixComponent(new Span("min"));
            repetitive.setValue(e.repetitive());
            repetitive.setAriaLabel("Repetitive (reviewers only)");
            repetitive.setTooltipText("Marks hidden repetitive work for reviewers; candidates never see it.");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove activity");
            remove.setTooltipText("Remove this activity");
            remove.addClickListener(click -> {
                entries.remove(this);
                rows.remove(this);
                changedAll();
            });
            day.addValueChangeListener(v -> changedAll());
            activity.addValueChangeListener(v -> changedAll());
            minutes.addValueChangeListener(v -> changedAll());
            repetitive.addValueChangeListener(v -> changedAll());
            add(day, activity, minutes, repetitive, remove);
        }

        WorkLogEntry value() {
            return new WorkLogEntry(day.getValue(), activity.getValue().strip(),
                    minutes.getValue() == null ? 0 : minutes.getValue(), repetitive.getValue());
        }
    }

    AutomationSection(Runnable changed) {
        this.changed = changed;
        scenario = Fields.area("Scenario", "Whose week this is and what their job is.", changed);
        scenario.setId("ap-scenario");
        guidance = Fields.reviewerArea("Reviewer guidance",
                "Which items are the best automation candidates and why; what a strong plan covers.", changed);
        guidance.setId("ap-guidance");
        rows.addClassName("log-rows");
        Button add = new Button("Add activity", VaadinIcon.PLUS.create(), e -> {
            String lastDay = entries.isEmpty() ? "Mon" : entries.getLast().day.getValue();
            Row row = addRow(new WorkLogEntry(lastDay, "", 30, false));
            row.activity.focus();
            changedAll();
        });
        add.setId("add-activity");
        summary.addClassName("section-note");
        Div logHead = new Div(new Span("Work log"), summary);
        logHead.addClassName("subsection-head");
        Div hint = new Div(new Span("Hide the repetitive work among ordinary one-off activities and tick "
                + "'Rep.' on those rows. Candidates see the log without the ticks."));
        hint.addClassName("section-note");
        Div columns = new Div(new Span("Day"), new Span("Activity"), new Span("Time"), new Span("Rep."), new Span());
        columns.addClassName("log-head");
        columns.getElement().setAttribute("aria-hidden", "true");
        root = new Div(new H3("Automation plan"), scenario, logHead, hint, columns, rows, add, guidance);
        root.addClassNames("card", "form-card");
    }

    private Row addRow(WorkLogEntry entry) {
        Row row = new Row(entry);
        entries.add(row);
        rows.add(row);
        return row;
    }

    private void changedAll() {
        List<WorkLogEntry> log = entries.stream().map(Row::value).toList();
        int total = log.stream().mapToInt(WorkLogEntry::minutes).sum();
        long repetitive = log.stream().filter(WorkLogEntry::repetitive).count();
        summary.setText(log.size() + " activities · " + (total / 60) + " h " + (total % 60) + " min · "
                + repetitive + " marked repetitive");
        changed.run();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void load(TaskContent content) {
        AutomationPlan a = content.automation();
        scenario.setValue(Fields.nz(a.scenario()));
        guidance.setValue(Fields.nz(a.guidance()));
        entries.clear();
        rows.removeAll();
        a.workLog().forEach(this::addRow);
        changedAll();
    }

    @Override
    public TaskContent apply(TaskContent c) {
        return new TaskContent(c.title(), c.roles(), c.criteria(), c.difficulty(), c.timeLimitMinutes(), c.tags(),
                c.instructions(), null, new AutomationPlan(scenario.getValue().strip(),
                        entries.stream().map(Row::value).toList(), guidance.getValue().strip()), null);
    }
}
