package dev.assay.base.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The calm, centred card every error page uses. */
class ErrorCard extends Main {

    ErrorCard(String code, String title, String message, String reference) {
        addClassName("error-page");
        setId("error-page");
        Div card = new Div();
        card.addClassName("error-card");
        Image logo = new Image("icons/assay.svg", "Assay");
        logo.addClassName("error-logo");
        Span status = new Span(code);
        status.addClassName("error-code");
        H1 heading = new H1(title);
        Paragraph text = new Paragraph(message);
        card.add(logo, status, heading, text);
        if (reference != null) {
            Paragraph ref = new Paragraph("Reference: ");
            Span id = new Span(reference);
            id.setId("error-reference");
            id.addClassName("error-reference");
            ref.add(id);
            ref.addClassName("error-reference-line");
            card.add(ref);
        }
        Anchor home = new Anchor("", "Go to the start page");
        home.addClassName("error-home");
        card.add(home);
        add(card);
    }
}
