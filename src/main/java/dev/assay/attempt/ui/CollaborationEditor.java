package dev.assay.attempt.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AssistantTurn;
import dev.assay.attempt.AttemptException;
import java.util.List;

/**
 * AI collaboration: a conversation with the task's assistant, the deliverable, and a note on what the candidate
 * checked. Every message and reply is stored as it happens (by the server, before the reply is shown), so a
 * reload shows the conversation as it was.
 */
class CollaborationEditor implements AnswerEditor {

    /** How the editor reaches the assistant: through the attempt, with the page's identity. */
    interface AssistantChannel {
        List<AssistantTurn> transcript();

        /** Sends a message; throws {@link AttemptException} with a reason the candidate can act on. */
        AssistantTurn ask(String prompt);
    }

    private final AssistantChannel channel;
    private final Div log = new Div();
    private final TextArea message = new TextArea("Message the assistant");
    private final Button send = new Button("Send", VaadinIcon.PAPERPLANE_O.create());
    private final Span counter = new Span();
    private final TextArea deliverable;
    private final TextArea checks;
    private final Div root;
    private int turns;

    CollaborationEditor(Answer.Collaboration answer, EditorEvents events, AssistantChannel channel) {
        this.channel = channel;
        Runnable changed = events::changed;
        H3 chatHeading = new H3("1. Work with the assistant");
        chatHeading.addClassName("answer-heading");
        Paragraph chatHelp = new Paragraph("Ask it what you would ask an AI assistant at work. Every message and reply "
                + "is kept with your work, and reviewers read the conversation.");
        chatHelp.addClassName("answer-help");
        log.addClassName("chat-log");
        log.setId("assistant-log");
        log.getElement().setAttribute("role", "log");
        log.getElement().setAttribute("aria-live", "polite");
        log.getElement().setAttribute("aria-label", "Conversation with the assistant");
        log.getElement().setAttribute("tabindex", "0");
        message.setId("assistant-message");
        message.setWidthFull();
        message.setValueChangeMode(ValueChangeMode.EAGER);
        message.setPlaceholder("e.g. Draft a first version from the materials");
        message.addValueChangeListener(e -> {
            int length = e.getValue().length();
            boolean tooLong = length > AssistantTurn.MAX_PROMPT;
            if (tooLong || message.isInvalid()) {
                message.setInvalid(tooLong);
                message.setErrorMessage(tooLong ? String.format("%,d characters: the limit is %,d.", length,
                        AssistantTurn.MAX_PROMPT) : null);
            }
        });
        send.setId("assistant-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(message);
        counter.addClassName("chat-counter");
        counter.setId("assistant-count");
        Div compose = new Div(message, send);
        compose.addClassName("chat-compose");
        Div panel = new Div(log, compose, counter);
        panel.addClassName("assistant-panel");
        panel.setId("assistant-panel");

        H3 workHeading = new H3("2. Your deliverable");
        workHeading.addClassName("answer-heading");
        deliverable = AnswerFields.area("Deliverable", answer.deliverable(), "deliverable", changed);
        deliverable.setId("collab-deliverable");
        deliverable.setMinHeight("12rem");
        H3 checkHeading = new H3("3. What you checked, and why");
        checkHeading.addClassName("answer-heading");
        checks = AnswerFields.area("Your note", answer.checks(), "checks", changed);
        checks.setPlaceholder("Which of the assistant's figures and claims you checked, how, and what you changed");
        checks.setId("collab-checks");
        root = new Div(chatHeading, chatHelp, panel, workHeading, deliverable, checkHeading, checks);
        root.addClassName("answer-editor");
        List<AssistantTurn> so = channel.transcript();
        so.forEach(this::show);
        turns = so.size();
        if (so.isEmpty()) {
            Paragraph empty = new Paragraph("No messages yet. The assistant knows the task and its materials.");
            empty.addClassName("chat-empty");
            log.add(empty);
        }
        count();
    }

    private void send() {
        String text = message.getValue();
        if (text.isBlank() || message.isInvalid()) {
            message.setInvalid(true);
            message.setErrorMessage(text.isBlank() ? "Type a message first." : message.getErrorMessage());
            message.focus();
            return;
        }
        try {
            AssistantTurn turn = channel.ask(text);
            log.getChildren().filter(c -> c.hasClassName("chat-empty")).toList().forEach(log::remove);
            show(turn);
            turns = turn.turn();
            message.clear();
            message.setInvalid(false);
            count();
            log.getElement().executeJs("this.scrollTop = this.scrollHeight");
            message.focus();
        } catch (AttemptException e) {
            message.setInvalid(true);
            message.setErrorMessage(e.getMessage());
        }
    }

    private void show(AssistantTurn turn) {
        Div asked = bubble("You", turn.prompt(), "chat-you");
        Div replied = bubble("Assistant", turn.reply(), "chat-assistant");
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.setAriaLabel("Copy the assistant's reply " + turn.turn());
        copy.addClickListener(e -> copy.getElement().executeJs(
                "navigator.clipboard && navigator.clipboard.writeText($0).then(() => { this.textContent = 'Copied'; "
                        + "setTimeout(() => this.textContent = 'Copy', 1500); })", turn.reply()));
        replied.add(copy);
        replied.getElement().setAttribute("data-turn", String.valueOf(turn.turn()));
        log.add(asked, replied);
    }

    private static Div bubble(String who, String text, String className) {
        Span author = new Span(who);
        author.addClassName("chat-author");
        Div body = new Div(new Span(text));
        body.addClassName("chat-text");
        Div bubble = new Div(author, body);
        bubble.addClassNames("chat-turn", className);
        return bubble;
    }

    private void count() {
        int left = AssistantTurn.MAX_TURNS - turns;
        counter.setText(left <= 0 ? "You have used every message this task allows."
                : left + " of " + AssistantTurn.MAX_TURNS + " messages left on this task · Ctrl+Enter sends");
        send.setEnabled(left > 0 && !message.isReadOnly());
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Answer value() {
        return new Answer(null, null, null, new Answer.Collaboration(deliverable.getValue(), checks.getValue()));
    }

    @Override
    public boolean oversize() {
        return AnswerFields.tooLong(deliverable.getValue(), checks.getValue());
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        message.setReadOnly(readOnly);
        deliverable.setReadOnly(readOnly);
        checks.setReadOnly(readOnly);
        count();
    }
}
