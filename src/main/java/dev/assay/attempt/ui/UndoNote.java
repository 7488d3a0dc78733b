package dev.assay.attempt.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Stands where something with the candidate's writing was removed, with a button to bring it back. The
 * removal is saved at once, like every edit; undoing it saves again.
 */
class UndoNote extends Div {

    final Button undo;

    UndoNote(String text, Runnable onUndo) {
        addClassName("undo-note");
        getElement().setAttribute("role", "status");
        Span message = new Span(text);
        undo = new Button("Undo", VaadinIcon.ROTATE_LEFT.create(), e -> onUndo.run());
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL);
        undo.setAriaLabel("Undo: " + text);
        add(VaadinIcon.TRASH.create(), message, undo);
    }
}
