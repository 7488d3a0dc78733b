package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The heading block at the top of a view: a title, one sentence of context, and the view's actions. */
public class ViewHeader extends Div {

    public ViewHeader(String title, String description, Component... actions) {
        addClassName("view-header");
        Div text = new Div(new H2(title));
        text.addClassName("view-header-text");
        if (description != null) {
            Paragraph lead = new Paragraph(description);
            lead.addClassName("view-lead");
            text.add(lead);
        }
        Div buttons = new Div(actions);
        buttons.addClassName("view-actions");
        add(text, buttons);
    }
}
