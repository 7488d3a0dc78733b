package dev.assay.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.assay.attempt.AssistantTurn;
import dev.assay.review.CollaborationEvidence;
import dev.assay.taskbank.TaskContent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reviewer's view of an AI-collaboration task beyond the answer: the conversation as it happened (planted
 * flawed text marked in the replies) and the evidence drawn from it, as facts, never a score.
 */
final class CollaborationPanel {

    private CollaborationPanel() {
    }

    static Component transcript(TaskContent.AiCollaboration task, List<AssistantTurn> turns) {
        Div log = new Div();
        log.addClassName("chat-log");
        log.addClassName("chat-log-review");
        log.setId("review-transcript");
        log.getElement().setAttribute("tabindex", "0");
        log.getElement().setAttribute("aria-label", "The conversation with the assistant");
        if (turns.isEmpty()) {
            Paragraph none = new Paragraph("The candidate did not use the assistant.");
            none.addClassName("empty-answer");
            log.add(none);
        }
        for (AssistantTurn t : turns) {
            Div asked = new Div(author("Candidate · message " + t.turn()), text(t.prompt(), List.of()));
            asked.addClassNames("chat-turn", "chat-you");
            String how = switch (t.source()) {
                case PLAYBOOK -> String.format(Locale.ROOT, "Assistant · intent %s (similarity %.2f)", t.intentKey(),
                        t.similarity() == null ? 0 : t.similarity());
                case FALLBACK -> "Assistant · fallback reply (no intent matched)";
                case OFF_TOPIC -> "Assistant · off-topic reply";
                case LIVE -> "Assistant · live model" + (t.tokens() == null ? "" : " (" + t.tokens() + " tokens)");
                case UNAVAILABLE -> "The live model did not answer; the candidate was told to carry on";
            };
            if (!t.flaws().isEmpty()) {
                how += " · carries planted flaw" + (t.flaws().size() == 1 ? " " : "s ")
                        + t.flaws().stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            List<String> marked = task == null ? List.of() : task.assistant().flaws().stream()
                    .filter(f -> t.flaws().contains(f.number())).map(f -> f.flaw().text()).toList();
            Div replied = new Div(author(how), text(t.reply(), marked));
            replied.addClassNames("chat-turn", "chat-assistant");
            log.add(asked, replied);
        }
        Details details = new Details("The conversation (" + turns.size()
                + (turns.size() == 1 ? " message)" : " messages)"), log);
        details.setOpened(true);
        details.addClassName("review-brief");
        return details;
    }

    private static Span author(String text) {
        Span s = new Span(text);
        s.addClassName("chat-author");
        return s;
    }

    /** The text, with each of the marked passages (planted flaws) in a mark element; all of it escaped. */
    private static Div text(String text, List<String> marked) {
        Div body = new Div();
        body.addClassName("chat-text");
        int at = 0;
        while (at < text.length()) {
            int next = -1;
            String hit = null;
            for (String m : marked) {
                int i = m.isEmpty() ? -1 : text.indexOf(m, at);
                if (i >= 0 && (next < 0 || i < next)) {
                    next = i;
                    hit = m;
                }
            }
            if (next < 0) {
                body.getElement().appendChild(Element.createText(text.substring(at)));
                break;
            }
            body.getElement().appendChild(Element.createText(text.substring(at, next)));
            Element mark = new Element("mark");
            mark.setText(hit);
            mark.setAttribute("title", "Planted flaw");
            body.getElement().appendChild(mark);
            at = next + hit.length();
        }
        return body;
    }

    static Component evidence(CollaborationEvidence e) {
        Div card = new Div();
        card.addClassName("flag-check");
        card.setId("collab-evidence");
        H4 heading = new H4("What the conversation shows");
        heading.addClassName("review-heading");
        card.add(heading);
        Paragraph note = new Paragraph("Facts drawn from the transcript and the deliverable, for your judgment; they "
                + "are not a score.");
        note.addClassName("flag-check-why");
        card.add(note);
        Paragraph summary = new Paragraph("Planted flaws: " + e.served() + " of " + e.flaws().size()
                + " served · " + e.reached() + " reached the deliverable · " + e.corrected() + " corrected.");
        summary.addClassName("flag-check-summary");
        card.add(summary);
        for (CollaborationEvidence.FlawTrace f : e.flaws()) {
            Div row = new Div();
            row.addClassName("flag-check-row");
            row.getElement().setAttribute("data-outcome", f.outcome().name());
            Span state = new Span(switch (f.outcome()) {
                case REACHED -> "Shipped";
                case CORRECTED -> "Corrected";
                case NOT_REPEATED -> "Not repeated";
                case NOT_SERVED -> "Not served";
            });
            state.addClassNames("chip", f.outcome() == CollaborationEvidence.Outcome.REACHED ? "chip-missed"
                    : f.outcome() == CollaborationEvidence.Outcome.CORRECTED ? "chip-found" : "chip-tool");
            Span what = new Span("Planted flaw " + f.number() + " (" + f.category().label().toLowerCase(Locale.ROOT)
                    + ") " + f.outcome().label() + (f.servedInTurn() == null ? "" : " · served in reply "
                            + f.servedInTurn()));
            what.addClassName("flag-check-what");
            row.add(state, what);
            Paragraph flawed = new Paragraph("Flawed text: “" + f.flawedText() + "”"
                    + (f.correction().isBlank() ? "" : " · correct: “" + f.correction() + "”"));
            flawed.addClassName("flag-check-why");
            row.add(flawed);
            if (f.excerpt() != null) {
                Paragraph found = new Paragraph("In the deliverable (" + f.how() + "): “" + f.excerpt() + "”");
                found.addClassName("flag-check-why");
                row.add(found);
            }
            Paragraph why = new Paragraph("Author: " + f.explanation());
            why.addClassName("flag-check-why");
            row.add(why);
            card.add(row);
        }
        card.add(fact("Checking", e.checkTurns().size() + " of " + e.turns() + " messages asked the assistant to "
                + "check, source or recompute" + turns(e.checkTurns()) + "."));
        card.add(fact("Directing", e.contextTurns().size() + " gave context or constraints" + turns(e.contextTurns())
                + "; " + e.followUpTurns().size() + " worked on the reply before" + turns(e.followUpTurns()) + "; "
                + e.fallbacks() + " got the fallback reply and " + e.offTopic() + " the off-topic reply."));
        card.add(fact("Own words", e.deliverableWords() == 0 ? "The deliverable is empty."
                : String.format(Locale.ROOT, "%.0f%% of the deliverable's %,d words stand in runs of %d or more words "
                        + "copied from the assistant's replies; %d other sentence%s reworked from a reply.",
                        100 * e.copiedShare(), e.deliverableWords(), CollaborationEvidence.COPY_RUN,
                        e.reworkedSentences(), e.reworkedSentences() == 1 ? " was" : "s were")));
        return card;
    }

    private static String turns(List<Integer> turns) {
        return turns.isEmpty() ? "" : " (message" + (turns.size() == 1 ? " " : "s ")
                + turns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static Paragraph fact(String label, String text) {
        Paragraph p = new Paragraph();
        p.addClassName("flag-check-why");
        Span l = new Span(label + ": ");
        l.addClassName("answer-label");
        p.add(l, new Span(text));
        return p;
    }
}
