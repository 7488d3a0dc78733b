package dev.assay.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;

/** A reviewer's queue of assigned submissions. */
@Route("reviews")
@PageTitle("My reviews · Assay")
@Menu(title = "My reviews", order = 50, icon = "vaadin:check-square-o")
@RolesAllowed("REVIEWER")
public class ReviewerHomeView extends VerticalLayout {

    public ReviewerHomeView() {
        setId("reviewer-home");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("My reviews",
                "Submissions assigned to you, in an order shuffled for you so no candidate always comes first or last."));
        add(new EmptyState(VaadinIcon.INBOX, "Nothing to review right now",
                "When a candidate submits an assessment you're on the panel for, it appears here with its due date."));
        Div guide = new Div();
        guide.addClassName("card");
        UnorderedList points = new UnorderedList(
                new ListItem("You see a candidate code, never a name or email."),
                new ListItem("Other reviewers' scores stay hidden until you submit yours."),
                new ListItem("Score each criterion against its anchors; explain any 1 or 5."));
        points.addClassName("checklist");
        guide.add(new H3("How reviewing works"), points);
        add(guide);
    }
}
