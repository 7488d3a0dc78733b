package dev.assay.attempt.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AnswerTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflow design: ordered steps (add, edit, remove with undo, move up or down by keyboard or drag), and
 * the risks.
 */
class WorkflowEditor implements AnswerEditor {

    private final EditorEvents events;
    private final Runnable changed;
    private final Div steps = new Div();
    private final List<StepCard> cards = new ArrayList<>();
    private final TextArea risks;
    private final Button add;
    private final Div root;
    private boolean readOnly;
    /** The last removed step that had writing in it, and the note offering to bring it back. */
    private StepCard removed;
    private UndoNote removedNote;

    private final class StepCard extends Div {
        final Span title = new Span();
        final TextArea description;
        final Select<Answer.Actor> actor = new Select<>();
        final TextField inputs;
        final TextField outputs;
        final TextField checkpoint;
        final TextArea rationale;
        final Button up = new Button(VaadinIcon.ARROW_UP.create());
        final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final Span grip = new Span(VaadinIcon.MENU.create());

        StepCard(Answer.Step step) {
            addClassName("step-card");
            getElement().setAttribute("role", "group");
            description = AnswerFields.area("What happens in this step", step.description(), "", changed);
            actor.setLabel("Who does it");
            actor.setItems(Answer.Actor.values());
            actor.setItemLabelGenerator(a -> a == null ? "" : a.label());
            actor.setPlaceholder("Choose");
            actor.setValue(step.actor());
            actor.addValueChangeListener(e -> changed.run());
            inputs = AnswerFields.field("Inputs", step.inputs(), "", changed);
            outputs = AnswerFields.field("Outputs", step.outputs(), "", changed);
            checkpoint = AnswerFields.field("Verification checkpoint", step.checkpoint(), "", changed);
            checkpoint.setHelperText("How is the result of this step checked, and by whom?");
            rationale = AnswerFields.area("Why this way", step.rationale(), "", changed);
            for (Button b : List.of(up, down, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            up.addClickListener(e -> move(this, -1));
            down.addClickListener(e -> move(this, 1));
            remove.addClickListener(e -> removeStep(this));
            title.addClassName("step-title");
            grip.addClassName("step-grip");
            grip.setTitle("Drag to reorder");
            Div head = new Div(new Div(grip, title), new Div(up, down, remove));
            head.addClassName("step-head");
            // Mouse and touch users drag a step onto another to move it there; keyboard users use the arrows.
            // Only the grip drags, so selecting text in the fields still works as usual.
            DragSource<Span> drag = DragSource.create(grip);
            drag.addDragStartListener(e -> dragged = this);
            drag.addDragEndListener(e -> dragged = null);
            DropTarget<StepCard> drop = DropTarget.create(this);
            drop.addDropListener(e -> {
                if (dragged != null && dragged != this && !readOnly) {
                    moveTo(dragged, cards.indexOf(this));
                }
            });
            Div io = new Div(inputs, outputs);
            io.addClassName("step-io");
            add(head, description, actor, io, checkpoint, rationale);
        }

        boolean hasWriting() {
            Answer.Step v = value();
            return v.actor() != null || java.util.stream.Stream.of(v.description(), v.inputs(), v.outputs(),
                    v.checkpoint(), v.rationale()).anyMatch(t -> t != null && !t.isBlank());
        }

        Answer.Step value() {
            return new Answer.Step(description.getValue(), actor.getValue(), inputs.getValue(), outputs.getValue(),
                    checkpoint.getValue(), rationale.getValue());
        }

        void draggable(boolean enabled) {
            DragSource.configure(grip).setDraggable(enabled);
        }

        void number(int n, int of) {
            title.setText("Step " + n);
            AnswerFields.path(description, AnswerTexts.step(n - 1, "description"));
            AnswerFields.path(inputs, AnswerTexts.step(n - 1, "inputs"));
            AnswerFields.path(outputs, AnswerTexts.step(n - 1, "outputs"));
            AnswerFields.path(checkpoint, AnswerTexts.step(n - 1, "checkpoint"));
            AnswerFields.path(rationale, AnswerTexts.step(n - 1, "rationale"));
            getElement().setAttribute("aria-label", "Step " + n + " of " + of);
            up.setAriaLabel("Move step " + n + " up");
            down.setAriaLabel("Move step " + n + " down");
            remove.setAriaLabel("Remove step " + n);
            up.setEnabled(!readOnly && n > 1);
            down.setEnabled(!readOnly && n < of);
            up.setTooltipText("Move up");
            down.setTooltipText("Move down");
            remove.setTooltipText("Remove this step");
        }
    }

    WorkflowEditor(Answer.Workflow answer, EditorEvents events) {
        this.events = events;
        this.changed = events::changed;
        steps.addClassName("step-list");
        answer.steps().forEach(this::addCard);
        add = new Button("Add a step", VaadinIcon.PLUS.create(), e -> {
            if (cards.size() >= Answer.MAX_STEPS) {
                return;
            }
            forgetRemoved();
            addCard(new Answer.Step("", null, "", "", "", ""));
            renumber();
            cards.getLast().description.focus();
            changed.run();
        });
        add.setId("add-step");
        risks = AnswerFields.area("Risks and how your workflow handles them", answer.risks(), "risks", changed);
        risks.setId("workflow-risks");
        H3 heading = new H3("Your workflow");
        heading.addClassName("answer-heading");
        root = new Div(heading, steps, add, risks);
        root.addClassName("answer-editor");
        renumber();
    }

    private void addCard(Answer.Step step) {
        StepCard card = new StepCard(step);
        cards.add(card);
        steps.add(card);
    }

    private StepCard dragged;

    /**
     * Removes a step. A step with writing in it leaves a note in its place offering to undo, so nothing is
     * lost to a slip; an empty step just goes.
     */
    private void removeStep(StepCard card) {
        forgetRemoved();
        Map<StepCard, String> before = positions();
        int at = cards.indexOf(card);
        cards.remove(card);
        steps.remove(card);
        if (card.hasWriting()) {
            removed = card;
            removedNote = new UndoNote("Step " + (at + 1) + " removed.", () -> undoRemove(at));
            removedNote.setId("undo-step");
            steps.addComponentAtIndex(at, removedNote);
        }
        renumber();
        events.moved(movedSince(before));
        changed.run();
        if (removedNote != null) {
            removedNote.undo.focus();
        } else if (!cards.isEmpty()) {
            cards.get(Math.min(at, cards.size() - 1)).description.focus();
        } else {
            add.focus();
        }
    }

    private void undoRemove(int at) {
        StepCard card = removed;
        steps.remove(removedNote);
        removed = null;
        removedNote = null;
        if (card == null || cards.size() >= Answer.MAX_STEPS) {
            return;
        }
        Map<StepCard, String> before = positions();
        cards.add(Math.min(at, cards.size()), card);
        rebuild();
        events.moved(movedSince(before));
        changed.run();
        card.description.focus();
    }

    /** Once the steps change again, the last removal is final. */
    private void forgetRemoved() {
        if (removedNote != null) {
            steps.remove(removedNote);
        }
        removed = null;
        removedNote = null;
    }

    private void moveTo(StepCard card, int to) {
        forgetRemoved();
        Map<StepCard, String> before = positions();
        cards.remove(card);
        cards.add(Math.max(0, Math.min(to, cards.size())), card);
        rebuild();
        events.moved(movedSince(before));
        changed.run();
    }

    private void move(StepCard card, int delta) {
        int from = cards.indexOf(card);
        int to = from + delta;
        if (to < 0 || to >= cards.size()) {
            return;
        }
        forgetRemoved();
        Map<StepCard, String> before = positions();
        cards.remove(from);
        cards.add(to, card);
        rebuild();
        events.moved(movedSince(before));
        (delta < 0 ? card.up : card.down).focus();
        changed.run();
    }

    private void rebuild() {
        steps.removeAll();
        cards.forEach(steps::add);
        renumber();
    }

    /** Each card's path prefix now, e.g. {@code steps.2.}, to tell the page afterwards where its text went. */
    private Map<StepCard, String> positions() {
        Map<StepCard, String> at = new IdentityHashMap<>();
        for (int i = 0; i < cards.size(); i++) {
            at.put(cards.get(i), "steps." + i + ".");
        }
        return at;
    }

    private Map<String, String> movedSince(Map<StepCard, String> before) {
        Map<String, String> moved = new HashMap<>();
        before.forEach((card, old) -> {
            int now = cards.indexOf(card);
            String next = now < 0 ? null : "steps." + now + ".";
            if (!old.equals(next)) {
                moved.put(old, next);
            }
        });
        return moved;
    }

    private void renumber() {
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).number(i + 1, cards.size());
        }
        add.setEnabled(!readOnly && cards.size() < Answer.MAX_STEPS);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Answer value() {
        return new Answer(new Answer.Workflow(cards.stream().map(StepCard::value).toList(), risks.getValue()), null, null);
    }

    @Override
    public boolean oversize() {
        return AnswerFields.tooLong(risks.getValue()) || cards.stream().anyMatch(c -> AnswerFields.tooLong(
                c.description.getValue(), c.inputs.getValue(), c.outputs.getValue(), c.checkpoint.getValue(),
                c.rationale.getValue()));
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        risks.setReadOnly(readOnly);
        for (StepCard c : cards) {
            c.description.setReadOnly(readOnly);
            c.actor.setReadOnly(readOnly);
            c.inputs.setReadOnly(readOnly);
            c.outputs.setReadOnly(readOnly);
            c.checkpoint.setReadOnly(readOnly);
            c.rationale.setReadOnly(readOnly);
            c.remove.setVisible(!readOnly);
            c.draggable(!readOnly);
        }
        renumber();
    }
}
