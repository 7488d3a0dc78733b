package dev.assay.attempt.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import dev.assay.attempt.Answer;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import java.util.ArrayList;
import java.util.List;

/** Automation plan: pick activities from the log, rank them, and plan the top one. */
class AutomationEditor implements AnswerEditor {

    private final List<WorkLogEntry> log;
    private final Runnable changed;
    private final List<Integer> ranked;
    private final List<Checkbox> picks = new ArrayList<>();
    private final OrderedList ranking = new OrderedList();
    private final TextArea specification;
    private final TextArea failures;
    private final TextArea privacy;
    private final TextArea handoff;
    private final Div root;
    private boolean readOnly;

    AutomationEditor(List<WorkLogEntry> log, Answer.Automation answer, Runnable changed) {
        this.log = log;
        this.changed = changed;
        this.ranked = new ArrayList<>(answer.ranked().stream().filter(i -> i >= 0 && i < log.size()).toList());
        H3 pickHeading = new H3("1. What would you automate?");
        pickHeading.addClassName("answer-heading");
        Paragraph pickHelp = new Paragraph("Tick each activity you would automate or hand to an AI assistant.");
        pickHelp.addClassName("answer-help");
        Div pickList = new Div();
        pickList.addClassName("pick-list");
        for (int i = 0; i < log.size(); i++) {
            WorkLogEntry e = log.get(i);
            int index = i;
            Checkbox box = new Checkbox(e.day() + " · " + e.activity() + " (" + e.minutes() + " min)");
            box.setValue(ranked.contains(i));
            box.addValueChangeListener(v -> {
                if (v.isFromClient() || v.getValue() != ranked.contains(index)) {
                    if (v.getValue()) {
                        ranked.add(index);
                    } else {
                        ranked.remove(Integer.valueOf(index));
                    }
                    showRanking();
                    changed.run();
                }
            });
            picks.add(box);
            pickList.add(box);
        }
        H3 rankHeading = new H3("2. Rank them: most valuable first");
        rankHeading.addClassName("answer-heading");
        ranking.addClassName("rank-list");
        ranking.setId("automation-ranking");
        H3 planHeading = new H3("3. Plan the top one");
        planHeading.addClassName("answer-heading");
        specification = AnswerFields.area("The specification, or the prompt you would give an AI assistant",
                answer.specification(), changed);
        specification.setId("automation-spec");
        specification.setMinHeight("9rem");
        failures = AnswerFields.area("How failures are noticed and handled", answer.failureHandling(), changed);
        privacy = AnswerFields.area("Privacy: what data it touches and how it is protected", answer.privacy(), changed);
        handoff = AnswerFields.area("Hand-off: who looks after it, and when a person steps in", answer.handoff(), changed);
        root = new Div(pickHeading, pickHelp, pickList, rankHeading, ranking, planHeading, specification, failures,
                privacy, handoff);
        root.addClassName("answer-editor");
        showRanking();
    }

    private void showRanking() {
        ranking.removeAll();
        if (ranked.isEmpty()) {
            Span none = new Span("Tick activities above; they appear here to put in order.");
            none.addClassName("answer-help");
            ranking.add(new ListItem(none));
            return;
        }
        for (int r = 0; r < ranked.size(); r++) {
            int rank = r;
            WorkLogEntry e = log.get(ranked.get(r));
            Span text = new Span(e.activity());
            Button up = new Button(VaadinIcon.ARROW_UP.create(), c -> swap(rank, rank - 1));
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), c -> swap(rank, rank + 1));
            up.setAriaLabel("Rank " + e.activity() + " higher");
            down.setAriaLabel("Rank " + e.activity() + " lower");
            up.setEnabled(!readOnly && r > 0);
            down.setEnabled(!readOnly && r < ranked.size() - 1);
            for (Button b : List.of(up, down)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            Div row = new Div(text, new Div(up, down));
            row.addClassName("rank-row");
            ranking.add(new ListItem(row));
        }
    }

    private void swap(int a, int b) {
        if (b < 0 || b >= ranked.size()) {
            return;
        }
        Integer x = ranked.get(a);
        ranked.set(a, ranked.get(b));
        ranked.set(b, x);
        showRanking();
        changed.run();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Answer value() {
        return new Answer(null, new Answer.Automation(List.copyOf(ranked), specification.getValue(), failures.getValue(),
                privacy.getValue(), handoff.getValue()), null);
    }

    @Override
    public boolean oversize() {
        return AnswerFields.tooLong(specification.getValue(), failures.getValue(), privacy.getValue(), handoff.getValue());
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        picks.forEach(p -> p.setReadOnly(readOnly));
        for (TextArea a : List.of(specification, failures, privacy, handoff)) {
            a.setReadOnly(readOnly);
        }
        showRanking();
    }
}
