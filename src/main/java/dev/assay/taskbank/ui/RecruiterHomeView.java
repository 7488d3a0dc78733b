package dev.assay.taskbank.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;

/** Where recruiters land: their assessments, and the path from a role to a ranked shortlist. */
@Route("recruiter")
@PageTitle("Assessments · Assay")
@Menu(title = "Assessments", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed("RECRUITER")
public class RecruiterHomeView extends VerticalLayout {

    public RecruiterHomeView() {
        setId("recruiter-home");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("Assessments",
                "Build work-sample assessments for a role, invite candidates, and follow them to a ranked shortlist."));
        add(new EmptyState(VaadinIcon.CLIPBOARD_CHECK, "No assessments yet",
                "An assessment pairs a role's rubric with realistic tasks. Once you've built one and invited "
                        + "candidates, their progress and results appear here."));
        add(path());
    }

    private static Div path() {
        Div card = new Div();
        card.addClassName("card");
        H3 title = new H3("From role to shortlist");
        Paragraph intro = new Paragraph("How hiring with Assay works:");
        OrderedList steps = new OrderedList(
                step("Define the role and its rubric", "Criteria with anchored levels, so every reviewer means the same by a 4."),
                step("Curate tasks", "Workflow design, automation plans and AI-output critiques written for the role."),
                step("Build the assessment and invite", "Candidates open their link, no account needed."),
                step("Review blind, rank honestly", "Independent panel scores, adjusted for reviewer severity, with uncertainty shown."));
        steps.addClassName("steps");
        card.add(title, intro, steps);
        return card;
    }

    private static ListItem step(String title, String text) {
        Span name = new Span(title);
        name.addClassName("step-title");
        return new ListItem(name, new Span(text));
    }
}
