package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a list shows when there is nothing in it yet: what will appear here, and what to do next. */
public class EmptyState extends Div {

    public EmptyState(VaadinIcon icon, String title, String message, Component... actions) {
        addClassName("empty-state");
        Div badge = new Div(icon.create());
        badge.addClassName("empty-state-icon");
        Div buttons = new Div(actions);
        buttons.addClassName("empty-state-actions");
        add(badge, new H3(title), new Paragraph(message), buttons);
    }
}
