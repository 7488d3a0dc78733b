package dev.assay.taskbank.brief;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import dev.assay.taskbank.TaskKind;
import java.util.List;

/**
 * A task as the candidate sees it: the brief, never the reviewer-only parts (strong answer, guidance,
 * planted flaws, which log entries are repetitive). The task editor's preview and the candidate's
 * attempt use this same component, so the preview is exactly what candidates get.
 */
public class TaskBrief extends Div {

    /** Where an automation task's work log is shown: here, or in the candidate's answer (once, to tick from). */
    public enum WorkLog { IN_BRIEF, IN_ANSWER }

    private final WorkLog workLog;

    public TaskBrief(TaskKind kind, TaskContent content) {
        this(kind, content, WorkLog.IN_BRIEF);
    }

    public TaskBrief(TaskKind kind, TaskContent content, WorkLog workLog) {
        this.workLog = workLog;
        addClassName("task-brief");
        Div meta = new Div();
        meta.addClassName("task-brief-meta");
        Span kindChip = new Span(kind.label());
        kindChip.addClassNames("chip", "chip-kind-" + kind.code());
        meta.add(kindChip);
        if (content.timeLimitMinutes() > 0) {
            Span time = new Span("About " + content.timeLimitMinutes() + " minutes");
            time.addClassName("task-brief-time");
            meta.add(time);
        }
        H3 title = new H3(orPlaceholder(content.title(), "Untitled task"));
        title.addClassName("task-brief-title");
        add(meta, title);
        section("What to do", content.instructions());
        switch (kind) {
            case WORKFLOW_DESIGN -> workflow(content.workflow());
            case AUTOMATION_PLAN -> automation(content.automation());
            case AI_OUTPUT_CRITIQUE -> critique(content.critique());
            case AI_COLLABORATION -> collaboration(content.collaboration());
        }
    }

    private void collaboration(TaskContent.AiCollaboration c) {
        if (c == null) {
            return;
        }
        section("The situation", c.scenario());
        section("What to hand in", c.deliverable());
        if (!c.materials().isBlank()) {
            Div materials = materials(c.materials());
            add(heading("The materials"), materials);
        }
        Paragraph assistant = new Paragraph("An assistant is beside your work area: ask it what you would ask an AI "
                + "assistant at work. It can be wrong, as real assistants can; what you hand in is yours.");
        assistant.addClassNames("task-brief-text", "task-brief-note");
        add(assistant);
    }

    /**
     * The materials as written: paragraphs as text, and blocks whose every line starts with '|' as a table
     * (a line of dashes under the first row marks it as the header).
     */
    static Div materials(String text) {
        Div out = new Div();
        out.addClassName("materials");
        for (String block : text.strip().split("\\n\\s*\\n")) {
            List<String> lines = block.strip().lines().map(String::strip).toList();
            if (!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("|"))) {
                out.getElement().appendChild(table(lines));
            } else {
                Div paragraph = new Div(new Span(block.strip()));
                paragraph.addClassName("materials-text");
                out.add(paragraph);
            }
        }
        return out;
    }

    private static com.vaadin.flow.dom.Element table(List<String> lines) {
        com.vaadin.flow.dom.Element table = new com.vaadin.flow.dom.Element("table");
        table.getClassList().add("materials-table");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("\\|[\\s:|-]+\\|?")) {
                continue;
            }
            boolean header = i == 0 && lines.size() > 1 && lines.get(1).matches("\\|[\\s:|-]+\\|?");
            com.vaadin.flow.dom.Element row = new com.vaadin.flow.dom.Element("tr");
            String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
            for (String cell : inner.split("\\|", -1)) {
                com.vaadin.flow.dom.Element c = new com.vaadin.flow.dom.Element(header ? "th" : "td");
                c.setText(cell.strip());
                if (header) {
                    c.setAttribute("scope", "col");
                }
                row.appendChild(c);
            }
            table.appendChild(row);
        }
        return table;
    }

    private void workflow(TaskContent.WorkflowDesign w) {
        if (w == null) {
            return;
        }
        section("The situation", w.scenario());
        section("The goal", w.goal());
        list("Constraints", w.constraints());
        if (!w.tools().isEmpty()) {
            Div tools = new Div();
            tools.addClassName("chips");
            w.tools().forEach(t -> {
                Span chip = new Span(t);
                chip.addClassNames("chip", "chip-tool");
                tools.add(chip);
            });
            add(heading("Tools you can use"), tools);
        }
    }

    private void automation(TaskContent.AutomationPlan a) {
        if (a == null) {
            return;
        }
        section("The situation", a.scenario());
        if (a.workLog().isEmpty()) {
            return;
        }
        if (workLog == WorkLog.IN_ANSWER) {
            Paragraph where = new Paragraph("The work log (" + a.workLog().size() + " activities) is in your answer, "
                    + "where you tick the ones you would automate.");
            where.addClassNames("task-brief-text", "task-brief-note");
            add(heading("The work log"), where);
            return;
        }
        add(heading("The work log"));
        Div table = new Div();
        table.addClassName("work-log");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", "Work log");
        table.add(row(true, "Day", "Activity", "Time"));
        String previousDay = null;
        for (WorkLogEntry e : a.workLog()) {
            Div r = row(false, e.day().equals(previousDay) ? "" : e.day(), e.activity(), minutes(e.minutes()));
            table.add(r);
            previousDay = e.day();
        }
        int total = a.workLog().stream().mapToInt(WorkLogEntry::minutes).sum();
        table.add(row(true, "", "Total", minutes(total)));
        add(table);
    }

    private static Div row(boolean header, String day, String activity, String time) {
        Div row = new Div();
        row.addClassName(header ? "work-log-head" : "work-log-row");
        row.getElement().setAttribute("role", "row");
        for (String cell : List.of(day, activity, time)) {
            Span c = new Span(cell);
            c.getElement().setAttribute("role", header ? "columnheader" : "cell");
            row.add(c);
        }
        return row;
    }

    private static String minutes(int m) {
        return m >= 60 ? (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min") : m + " min";
    }

    private void critique(TaskContent.AiCritique c) {
        if (c == null) {
            return;
        }
        section("The situation", c.scenario());
        if (c.prompt() != null && !c.prompt().isBlank()) {
            Div prompt = new Div(new Span(c.prompt()));
            prompt.addClassName("ai-prompt");
            add(heading("The prompt given to the AI"), prompt);
        }
        if (!c.segments().isEmpty()) {
            Div output = new Div();
            output.addClassName("ai-output");
            for (int i = 0; i < c.segments().size(); i++) {
                Span number = new Span(String.valueOf(i + 1));
                number.addClassName("segment-number");
                number.getElement().setAttribute("aria-label", "Segment " + (i + 1));
                Span text = new Span(c.segments().get(i));
                Div segment = new Div(number, text);
                segment.addClassName("segment");
                output.add(segment);
            }
            add(heading("The AI's output"), output);
        }
    }

    private void section(String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        add(heading(heading));
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            Paragraph p = new Paragraph(paragraph.strip());
            p.addClassName("task-brief-text");
            add(p);
        }
    }

    private void list(String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        list.addClassName("task-brief-list");
        add(heading(heading), list);
    }

    private static Component heading(String text) {
        H4 h = new H4(text);
        h.addClassName("task-brief-heading");
        return h;
    }

    private static String orPlaceholder(String value, String placeholder) {
        return value == null || value.isBlank() ? placeholder : value;
    }
}
