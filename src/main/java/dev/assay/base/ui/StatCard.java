package dev.assay.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A figure with a label, for the overview rows at the top of home views. */
public class StatCard extends Div {

    public StatCard(String label, String value, String hint) {
        addClassName("stat-card");
        Span figure = new Span(value);
        figure.addClassName("stat-value");
        Span name = new Span(label);
        name.addClassName("stat-label");
        add(name, figure);
        if (hint != null) {
            Span note = new Span(hint);
            note.addClassName("stat-hint");
            add(note);
        }
    }
}
