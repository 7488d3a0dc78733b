package dev.assay.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.CalibrationStatus;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewException;
import dev.assay.review.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A reviewer's queue: the submissions assigned to them, in an order shuffled for them, with due dates and
 * progress. Candidates appear as codes; names only after a recruiter closes the review.
 */
@Route("reviews")
@PageTitle("My reviews · Assay")
@Menu(title = "My reviews", order = 50, icon = "vaadin:check-square-o")
@RolesAllowed("REVIEWER")
public class ReviewerHomeView extends VerticalLayout {

    private final ReviewService reviews;

    public ReviewerHomeView(ReviewService reviews) {
        this.reviews = reviews;
        setId("reviewer-home");
        addClassName("page");
        setPadding(false);
        List<QueueItem> queue = reviews.queue();
        add(new ViewHeader("My reviews",
                "Submissions assigned to you, in an order shuffled for you so no candidate always comes first or last."));
        for (CalibrationStatus c : reviews.calibration()) {
            add(calibration(c));
        }
        if (queue.isEmpty()) {
            add(new EmptyState(VaadinIcon.INBOX, "Nothing to review right now",
                    "When a candidate submits an assessment you're on the panel for, it appears here with its due date."));
            add(guide());
            return;
        }
        long done = queue.stream().filter(QueueItem::done).count();
        long overdue = queue.stream().filter(QueueItem::overdue).count();
        Div progress = new Div();
        progress.addClassNames("card", "queue-progress");
        Span text = new Span(done + " of " + queue.size() + " reviews submitted"
                + (overdue > 0 ? " · " + overdue + " overdue" : ""));
        text.setId("queue-progress-text");
        ProgressBar bar = new ProgressBar(0, queue.size(), done);
        bar.getElement().setAttribute("aria-label", "Reviews submitted");
        progress.add(text, bar);
        add(progress);

        Grid<QueueItem> grid = new Grid<>();
        grid.setId("review-queue");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(ReviewerHomeView::candidate).setHeader("Candidate").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> Cells.stack(i.assessmentTitle(), i.roleName() + " · " + i.taskCount()
                + (i.taskCount() == 1 ? " task" : " tasks"))).setHeader("Assessment").setWidth("12rem").setFlexGrow(3);
        grid.addComponentColumn(ReviewerHomeView::due).setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ReviewerHomeView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::open).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(queue);
        grid.addItemClickListener(e -> navigate(e.getItem()));
        add(grid, guide());
    }

    /**
     * Where the reviewer stands with one assessment's calibration: what to do next, the last round's result, and a
     * button to start another round after a failed one.
     */
    private Component calibration(CalibrationStatus c) {
        Div box = new Div();
        box.addClassNames("review-banner", c.passed() ? "calibration-passed" : "review-banner-warning");
        box.setId("calibration-" + c.assessmentId());
        Span text = new Span(c.assessmentTitle() + ": " + c.summary());
        text.addClassName("calibration-text");
        box.add(c.passed() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.ACADEMY_CAP.create(), text);
        if (c.canRetake()) {
            Button retake = new Button("Start round " + (c.round() + 1), e -> {
                try {
                    reviews.retakeCalibration(c.assessmentId());
                    Toasts.success("Round " + (c.round() + 1) + " is in your queue.");
                    getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (ReviewException ex) {
                    Toasts.error(ex.getMessage());
                }
            });
            retake.setId("calibration-retake-" + c.assessmentId());
            retake.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            box.add(retake);
        }
        return box;
    }

    private static Component candidate(QueueItem i) {
        Span code = new Span(i.candidateCode());
        code.addClassName("candidate-code");
        return i.revealedName() == null ? code : Cells.stack(i.candidateCode(), i.revealedName());
    }

    private static Component due(QueueItem i) {
        Span due = new Span(Formats.date(i.dueAt()));
        if (i.overdue()) {
            due.setText(Formats.date(i.dueAt()) + " · overdue");
            due.addClassNames("status", "status-danger");
        }
        return due;
    }

    private static Component status(QueueItem i) {
        Div chips = new Div();
        chips.addClassName("chips");
        Span s = new Span(i.status() == AssignmentStatus.ASSIGNED ? "To do" : i.status().label());
        s.addClassNames("status", switch (i.status()) {
            case ASSIGNED -> "status-muted";
            case DRAFT -> "status-warning";
            case SUBMITTED -> "status-success";
            case WITHDRAWN -> "status-muted";
        });
        chips.add(s);
        if (i.flagged()) {
            Span flag = new Span("Disagreement");
            flag.addClassNames("chip", "chip-flag");
            chips.add(flag);
        }
        if (i.origin() == AssignmentOrigin.CALIBRATION) {
            Span cal = new Span("Calibration");
            cal.addClassNames("chip", "chip-tool");
            chips.add(cal);
        }
        if (i.reviewClosed()) {
            Span closed = new Span("Review closed");
            closed.addClassNames("chip", "chip-tool");
            chips.add(closed);
        }
        return chips;
    }

    private Component open(QueueItem i) {
        String label = i.reviewClosed() || i.done() ? "View" : i.status() == AssignmentStatus.DRAFT ? "Continue" : "Score";
        Button b = new Button(label, e -> navigate(i));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, i.done() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        b.setAriaLabel(label + " review of " + i.candidateCode());
        return b;
    }

    private void navigate(QueueItem i) {
        getUI().ifPresent(ui -> ui.navigate(ScoringView.class, i.assignmentId()));
    }

    private static Component guide() {
        Div guide = new Div();
        guide.addClassName("card");
        UnorderedList points = new UnorderedList(
                new ListItem("You see a candidate code, never a name or email, until the recruiter closes the review."),
                new ListItem("Other reviewers' scores stay hidden until you submit yours."),
                new ListItem("Score each criterion against its anchors; explain any 1 or 5."),
                new ListItem("If you know the candidate, tell the recruiter: they will move the review to someone else."),
                new ListItem("A panel may ask you to score calibration examples first, and may now and then place an "
                        + "example with an agreed key among your reviews to check consistency; examples never count "
                        + "toward any candidate."));
        points.addClassName("checklist");
        guide.add(new H3("How reviewing works"), points);
        return guide;
    }
}
