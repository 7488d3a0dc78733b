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
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AnswerTexts;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Automation plan: tick activities in the work log (shown here once, as the list to choose from), rank them
 * with a rough weekly saving for each, and plan the top one.
 */
class AutomationEditor implements AnswerEditor {

    private final List<WorkLogEntry> log;
    private final Runnable changed;
    private final List<Integer> ranked;
    private final Map<Integer, String> savings;
    private final Map<Integer, RankRow> rows = new HashMap<>();
    private final List<Checkbox> picks = new ArrayList<>();
    private final OrderedList ranking = new OrderedList();
    private final ListItem noneChosen;
    private final TextArea specification;
    private final TextArea failures;
    private final TextArea privacy;
    private final TextArea handoff;
    private final TextArea keepManual;
    private final Div root;
    private boolean readOnly;

    /** One chosen activity in the ranking: its name, the saving, and the buttons that move it. */
    private final class RankRow extends ListItem {
        final int entry;
        final TextField saving;
        final Button up = new Button(VaadinIcon.ARROW_UP.create());
        final Button down = new Button(VaadinIcon.ARROW_DOWN.create());

        RankRow(int entry) {
            this.entry = entry;
            WorkLogEntry e = log.get(entry);
            addClassName("rank-row");
            Span text = new Span(e.activity());
            text.addClassName("rank-text");
            saving = AnswerFields.field("Weekly saving", savings.getOrDefault(entry, ""), AnswerTexts.saving(entry),
                    Answer.MAX_SHORT, () -> { });
            saving.setPlaceholder("e.g. 45 min");
            saving.addClassName("rank-saving");
            saving.setAriaLabel("Rough weekly time saving for " + e.activity());
            saving.addValueChangeListener(v -> {
                savings.put(entry, v.getValue());
                changed.run();
            });
            up.addClickListener(c -> move(this, -1));
            down.addClickListener(c -> move(this, 1));
            up.setAriaLabel("Rank " + e.activity() + " higher");
            down.setAriaLabel("Rank " + e.activity() + " lower");
            up.setTooltipText("Rank higher");
            down.setTooltipText("Rank lower");
            for (Button b : List.of(up, down)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            Div buttons = new Div(up, down);
            buttons.addClassName("rank-buttons");
            add(text, saving, buttons);
        }
    }

    AutomationEditor(List<WorkLogEntry> log, Answer.Automation answer, EditorEvents events) {
        this.log = log;
        this.changed = events::changed;
        this.ranked = new ArrayList<>(answer.ranked().stream().filter(i -> i >= 0 && i < log.size()).toList());
        this.savings = new TreeMap<>(answer.savings());
        H3 pickHeading = new H3("1. What would you automate?");
        pickHeading.addClassName("answer-heading");
        Paragraph pickHelp = new Paragraph("This is the work log from the situation above. Tick each activity you "
                + "would automate or hand to an AI assistant.");
        pickHelp.addClassName("answer-help");
        Div table = new Div();
        table.addClassName("pick-table");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", "Work log");
        table.add(headRow());
        String previousDay = null;
        for (int i = 0; i < log.size(); i++) {
            WorkLogEntry e = log.get(i);
            int index = i;
            Checkbox box = new Checkbox(e.activity());
            box.setValue(ranked.contains(i));
            box.addValueChangeListener(v -> {
                if (v.isFromClient() || v.getValue() != ranked.contains(index)) {
                    pick(index, v.getValue());
                }
            });
            picks.add(box);
            Span day = new Span(e.day().equals(previousDay) ? "" : e.day());
            day.addClassName("pick-day");
            Span time = new Span(minutes(e.minutes()));
            time.addClassName("pick-time");
            Div row = new Div(cell(day), cell(box), cell(time));
            row.addClassName("pick-row");
            row.getElement().setAttribute("role", "row");
            table.add(row);
            previousDay = e.day();
        }
        Span totalLabel = new Span("Total");
        Span total = new Span(minutes(log.stream().mapToInt(WorkLogEntry::minutes).sum()));
        Div totalRow = new Div(cell(new Span()), cell(totalLabel), cell(total));
        totalRow.addClassNames("pick-row", "pick-total");
        totalRow.getElement().setAttribute("role", "row");
        table.add(totalRow);

        H3 rankHeading = new H3("2. Rank them, most valuable first, with a rough weekly saving");
        rankHeading.addClassName("answer-heading");
        ranking.addClassName("rank-list");
        ranking.setId("automation-ranking");
        Span none = new Span("Tick activities above; they appear here to put in order.");
        none.addClassName("answer-help");
        noneChosen = new ListItem(none);
        noneChosen.addClassName("rank-none");
        H3 planHeading = new H3("3. Plan the top one");
        planHeading.addClassName("answer-heading");
        specification = AnswerFields.area("The specification, or the prompt you would give an AI assistant",
                answer.specification(), "specification", changed);
        specification.setId("automation-spec");
        specification.setMinHeight("9rem");
        failures = AnswerFields.area("How failures are noticed and handled", answer.failureHandling(),
                "failureHandling", changed);
        privacy = AnswerFields.area("Privacy: what data it touches and how it is protected", answer.privacy(),
                "privacy", changed);
        handoff = AnswerFields.area("Hand-off: who looks after it, and when a person steps in", answer.handoff(),
                "handoff", changed);
        H3 manualHeading = new H3("4. What you would keep manual");
        manualHeading.addClassName("answer-heading");
        keepManual = AnswerFields.area("An activity you would deliberately not automate, and why",
                answer.keepManual(), "keepManual", changed);
        keepManual.setId("automation-keep-manual");
        root = new Div(pickHeading, pickHelp, table, rankHeading, ranking, planHeading, specification, failures,
                privacy, handoff, manualHeading, keepManual);
        root.addClassName("answer-editor");
        showRanking();
    }

    private static Div headRow() {
        Div head = new Div();
        head.addClassNames("pick-row", "pick-head");
        head.getElement().setAttribute("role", "row");
        for (String title : List.of("Day", "Activity", "Time")) {
            Span c = new Span(title);
            c.getElement().setAttribute("role", "columnheader");
            head.add(c);
        }
        return head;
    }

    private static Div cell(Component content) {
        Div cell = new Div(content);
        cell.getElement().setAttribute("role", "cell");
        return cell;
    }

    private static String minutes(int m) {
        return m >= 60 ? (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min") : m + " min";
    }

    private void pick(int entry, boolean chosen) {
        if (chosen && !ranked.contains(entry)) {
            ranked.add(entry);
        } else if (!chosen) {
            ranked.remove(Integer.valueOf(entry));
        }
        showRanking();
        changed.run();
    }

    /** Puts the rows in ranked order, reusing each row so typed savings and focus stay where they are. */
    private void showRanking() {
        ranking.removeAll();
        rows.keySet().removeIf(entry -> !ranked.contains(entry));
        if (ranked.isEmpty()) {
            ranking.add(noneChosen);
            return;
        }
        for (int r = 0; r < ranked.size(); r++) {
            RankRow row = rows.computeIfAbsent(ranked.get(r), RankRow::new);
            row.up.setEnabled(!readOnly && r > 0);
            row.down.setEnabled(!readOnly && r < ranked.size() - 1);
            row.saving.setReadOnly(readOnly);
            ranking.add(row);
        }
    }

    private void move(RankRow row, int delta) {
        int from = ranked.indexOf(row.entry);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= ranked.size()) {
            return;
        }
        ranked.remove(from);
        ranked.add(to, row.entry);
        showRanking();
        Button focus = delta < 0 ? row.up : row.down;
        (focus.isEnabled() ? focus : delta < 0 ? row.down : row.up).focus();
        changed.run();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Answer value() {
        Map<Integer, String> chosenSavings = new TreeMap<>();
        ranked.forEach(entry -> chosenSavings.put(entry, savings.getOrDefault(entry, "")));
        return new Answer(null, new Answer.Automation(List.copyOf(ranked), chosenSavings, specification.getValue(),
                failures.getValue(), privacy.getValue(), handoff.getValue(), keepManual.getValue()), null);
    }

    @Override
    public boolean oversize() {
        return AnswerFields.tooLong(specification.getValue(), failures.getValue(), privacy.getValue(), handoff.getValue(),
                keepManual.getValue())
                || savings.values().stream().anyMatch(v -> v != null && v.length() > Answer.MAX_SHORT);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        picks.forEach(p -> p.setReadOnly(readOnly));
        for (TextArea a : List.of(specification, failures, privacy, handoff, keepManual)) {
            a.setReadOnly(readOnly);
        }
        showRanking();
    }
}
