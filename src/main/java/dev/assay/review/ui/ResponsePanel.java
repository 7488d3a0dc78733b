package dev.assay.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.assay.attempt.Answer;
import dev.assay.attempt.IntegritySignals;
import dev.assay.review.FlagCheck;
import dev.assay.review.ScoringSheet;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.brief.TaskBrief;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One task of a submission, read-only, for the reviewer: the brief as the candidate saw it, the author's
 * notes for reviewers, the candidate's answer, the automatic flag check (critique tasks) and the page's
 * integrity signals as neutral facts.
 */
class ResponsePanel extends Div {

    ResponsePanel(ScoringSheet.SheetTask task) {
        addClassName("review-response");
        TaskContent content = task.version().content();
        Details brief = new Details("The task as the candidate saw it", new TaskBrief(task.version().kind(), content));
        brief.addClassName("review-brief");
        add(brief);
        Component notes = authorNotes(content);
        if (notes != null) {
            add(notes);
        }
        add(heading("The candidate's answer"));
        if (!task.answered()) {
            Paragraph none = new Paragraph("The candidate saved nothing for this task.");
            none.addClassName("empty-answer");
            add(none);
        } else {
            switch (task.version().kind()) {
                case WORKFLOW_DESIGN -> workflow(task.answer().workflow());
                case AUTOMATION_PLAN -> automation(content.automation(), task.answer().automation());
                case AI_OUTPUT_CRITIQUE -> critique(content.critique(), task.answer().critique());
                case AI_COLLABORATION -> {
                    Answer.Collaboration c = task.answer().collaboration();
                    field("Deliverable", c == null ? "" : c.deliverable());
                    field("What they checked, and why", c == null ? "" : c.checks());
                }
            }
        }
        if (task.flagCheck() != null) {
            add(flagCheck(task.flagCheck()));
        }
        if (task.version().kind() == dev.assay.taskbank.TaskKind.AI_COLLABORATION) {
            add(CollaborationPanel.transcript(content.collaboration(), task.transcript()));
            if (task.evidence() != null) {
                add(CollaborationPanel.evidence(task.evidence()));
            }
        }
        add(signals(task.signals()));
    }

    private static H4 heading(String text) {
        H4 h = new H4(text);
        h.addClassName("review-heading");
        return h;
    }

    private static Component authorNotes(TaskContent content) {
        String text = switch (content.kind()) {
            case WORKFLOW_DESIGN -> content.workflow() == null ? "" : content.workflow().strongAnswer();
            case AUTOMATION_PLAN -> content.automation() == null ? "" : content.automation().guidance();
            case AI_OUTPUT_CRITIQUE -> content.critique() == null ? "" : content.critique().guidance();
            case AI_COLLABORATION -> content.collaboration() == null ? "" : content.collaboration().guidance();
        };
        if (text == null || text.isBlank()) {
            return null;
        }
        Paragraph p = new Paragraph(text);
        p.addClassName("task-brief-text");
        Details notes = new Details("Author's notes for reviewers", p);
        notes.addClassName("review-brief");
        return notes;
    }

    private void field(String label, String value) {
        Div block = new Div();
        block.addClassName("answer-field");
        Span l = new Span(label);
        l.addClassName("answer-label");
        Paragraph v = new Paragraph(value == null || value.isBlank() ? "—" : value);
        v.addClassName("answer-text");
        block.add(l, v);
        add(block);
    }

    private void workflow(Answer.Workflow w) {
        if (w == null || w.steps().isEmpty()) {
            add(new Paragraph("No steps."));
        } else {
            OrderedList steps = new OrderedList();
            steps.addClassName("answer-steps");
            for (Answer.Step s : w.steps()) {
                ListItem item = new ListItem();
                Div head = new Div();
                head.addClassName("answer-step-head");
                Span text = new Span(s.description() == null || s.description().isBlank() ? "(no description)" : s.description());
                text.addClassName("answer-step-text");
                head.add(text);
                if (s.actor() != null) {
                    Span actor = new Span(s.actor().label());
                    actor.addClassNames("chip", "chip-tool");
                    head.add(actor);
                }
                item.add(head);
                Div facts = new Div();
                facts.addClassName("answer-step-facts");
                fact(facts, "Inputs", s.inputs());
                fact(facts, "Outputs", s.outputs());
                fact(facts, "Check", s.checkpoint());
                fact(facts, "Why", s.rationale());
                item.add(facts);
                steps.add(item);
            }
            add(steps);
        }
        field("Risks and how the design handles them", w == null ? "" : w.risks());
    }

    private static void fact(Div facts, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span l = new Span(label);
        l.addClassName("answer-label");
        Span v = new Span(value);
        v.addClassName("answer-fact");
        facts.add(new Div(l, v));
    }

    private void automation(TaskContent.AutomationPlan plan, Answer.Automation a) {
        if (a == null) {
            return;
        }
        add(new Span("Activities chosen for automation, most valuable first"));
        OrderedList ranked = new OrderedList();
        ranked.addClassName("answer-ranked");
        List<TaskContent.WorkLogEntry> log = plan == null ? List.of() : plan.workLog();
        for (Integer index : a.ranked()) {
            if (index == null || index < 0 || index >= log.size()) {
                continue;
            }
            TaskContent.WorkLogEntry e = log.get(index);
            ListItem item = new ListItem(e.day() + " · " + e.activity() + " (" + e.minutes() + " min)");
            String saving = a.saving(index);
            Span estimate = new Span(saving.isBlank() ? "no saving estimated" : "saves about " + saving + " a week");
            estimate.addClassName(saving.isBlank() ? "empty-answer" : "answer-saving");
            item.add(new Span(" — "), estimate);
            if (e.repetitive()) {
                Span tag = new Span("planted repetitive work");
                tag.addClassNames("chip", "chip-found");
                item.add(tag);
            }
            ranked.add(item);
        }
        if (a.ranked().isEmpty()) {
            ranked.add(new ListItem("None chosen."));
        }
        add(ranked);
        long planted = log.stream().filter(TaskContent.WorkLogEntry::repetitive).count();
        long hit = a.ranked().stream().filter(i -> i != null && i >= 0 && i < log.size() && log.get(i).repetitive()).count();
        Paragraph coverage = new Paragraph("Picked " + hit + " of the " + planted + " repetitive activities the author planted.");
        coverage.addClassName("section-note");
        add(coverage);
        field("Specification or prompt for the top activity", a.specification());
        field("Failure handling", a.failureHandling());
        field("Privacy and data", a.privacy());
        field("Hand-off to a person", a.handoff());
        field("Kept manual, and why", a.keepManual());
    }

    private void critique(TaskContent.AiCritique task, Answer.Critique c) {
        if (c == null) {
            return;
        }
        Map<Integer, List<Answer.Flag>> bySegment = c.flags().stream()
                .collect(Collectors.groupingBy(Answer.Flag::segment));
        Div artifact = new Div();
        artifact.addClassName("review-artifact");
        List<String> segments = task == null ? List.of() : task.segments();
        for (int i = 0; i < segments.size(); i++) {
            int number = i + 1;
            Div row = new Div();
            row.addClassName("segment");
            Span n = new Span(String.valueOf(number));
            n.addClassName("segment-number");
            Div body = new Div(new Span(segments.get(i)));
            List<Answer.Flag> flags = bySegment.get(number);
            if (flags != null) {
                row.addClassName("segment-flagged");
                for (Answer.Flag f : flags) {
                    Div note = new Div();
                    note.addClassName("segment-flag-note");
                    note.setText("Flagged: " + (f.category() == null ? "no category" : f.category().label()) + " — "
                            + (f.explanation() == null ? "" : f.explanation()));
                    body.add(note);
                }
            }
            row.add(n, body);
            artifact.add(row);
        }
        add(artifact);
        field("Corrected version", c.corrected());
        field("Verdict", c.verdict() == null ? "" : c.verdict().label());
        field("Reason for the verdict", c.verdictReason());
    }

    private static Component flagCheck(FlagCheck check) {
        Div card = new Div();
        card.addClassNames("flag-check");
        card.setId("flag-check");
        card.add(heading("Automatic flag check"));
        Paragraph summary = new Paragraph("Found " + check.found() + " of " + check.flaws().size() + " planted flaws ("
                + check.categoryMatches() + " with the right category) · missed " + check.missed() + " · "
                + check.falseAlarms().size() + (check.falseAlarms().size() == 1 ? " flag" : " flags")
                + " on no planted flaw.");
        summary.addClassName("flag-check-summary");
        card.add(summary);
        for (FlagCheck.FlawResult f : check.flaws()) {
            Div row = new Div();
            row.addClassNames("flag-check-row", f.found() ? "found" : "missed");
            Span state = new Span(f.found() ? (f.categoryMatched() ? "Found" : "Found, other category") : "Missed");
            state.addClassNames("chip", f.found() ? "chip-found" : "chip-missed");
            Span what = new Span("Flaw " + f.number() + " · segment" + (f.segments().size() == 1 ? " " : "s ")
                    + f.segments().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " · "
                    + f.category().label());
            what.addClassName("flag-check-what");
            Paragraph why = new Paragraph("Author: " + f.explanation());
            why.addClassName("flag-check-why");
            row.add(state, what, why);
            if (f.found()) {
                Paragraph said = new Paragraph("Candidate: " + f.flags().stream()
                        .map(x -> (x.category() == null ? "" : x.category().label() + " — ") + x.explanation())
                        .collect(Collectors.joining(" / ")));
                said.addClassName("flag-check-why");
                row.add(said);
            }
            card.add(row);
        }
        for (Answer.Flag f : check.falseAlarms()) {
            Div row = new Div();
            row.addClassNames("flag-check-row", "extra");
            Span state = new Span("Not planted");
            state.addClassNames("chip", "chip-tool");
            Span what = new Span("Segment " + f.segment() + " · " + (f.category() == null ? "no category" : f.category().label()));
            what.addClassName("flag-check-what");
            Paragraph said = new Paragraph("Candidate: " + f.explanation());
            said.addClassName("flag-check-why");
            row.add(state, what, said);
            card.add(row);
        }
        Paragraph note = new Paragraph("Evidence, not a score: a flag on no planted flaw may still be a fair point.");
        note.addClassName("section-note");
        card.add(note);
        return card;
    }

    private static Component signals(IntegritySignals s) {
        Div box = new Div();
        box.addClassName("integrity-signals");
        box.add(heading("Observed on the candidate's page"));
        Div facts = new Div();
        facts.addClassName("signal-facts");
        Function<String, Span> fact = t -> {
            Span x = new Span(t);
            x.addClassName("signal-fact");
            return x;
        };
        facts.add(fact.apply("Active time " + Formats.minutes(s.activeSeconds())),
                fact.apply(s.pastes() + (s.pastes() == 1 ? " paste" : " pastes") + " (" + s.pastedChars() + " characters)"),
                fact.apply("Left the page " + s.focusLosses() + (s.focusLosses() == 1 ? " time" : " times")));
        Paragraph note = new Paragraph("Facts recorded by the browser, not verdicts: candidates may paste from their own "
                + "notes and step away.");
        note.addClassName("section-note");
        box.add(facts, note);
        return box;
    }
}
