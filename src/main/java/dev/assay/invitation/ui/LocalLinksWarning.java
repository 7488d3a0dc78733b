package dev.assay.invitation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Warns that candidates' links point at this computer because no public address is configured. */
final class LocalLinksWarning {

    private LocalLinksWarning() {
    }

    static Div of(String publicUrl) {
        Div warning = new Div(VaadinIcon.WARNING.create(), new Span("Candidate links start with " + publicUrl
                + ", which opens only on the computer running Assay. Before inviting real candidates, set "
                + "ASSAY_PUBLIC_URL to the address they will use (see the operations guide)."));
        warning.addClassNames("review-banner", "banner-warning");
        warning.setId("local-links-warning");
        warning.getElement().setAttribute("role", "note");
        return warning;
    }
}
