package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Cells;
import dev.assay.taskbank.AssessmentActivity;
import dev.assay.taskbank.AssessmentStatus;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Where recruiters land: their assessments, newest first. */
@Route("recruiter")
@PageTitle("Assessments · Assay")
@Menu(title = "Assessments", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed("RECRUITER")
public class AssessmentsView extends VerticalLayout {


    public AssessmentsView(AssessmentService assessments, ObjectProvider<AssessmentActivity> activity) {
        setId("recruiter-home");
        addClassName("page");
        setPadding(false);
        setSizeFull();
        Button create = new Button("New assessment", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(AssessmentEditorView.class)));
        create.setId("new-assessment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Assessments",
                "Build work-sample assessments for a role, invite candidates, and follow them to a ranked shortlist.",
                create));
        List<AssessmentSummary> list = assessments.list();
        if (list.isEmpty()) {
            add(new EmptyState(VaadinIcon.CLIPBOARD_CHECK, "No assessments yet",
                    "An assessment pairs a role's rubric with realistic tasks: fixed ones, or a random pick per "
                            + "candidate. Define the role and publish tasks first, then build the assessment."));
            return;
        }
        Map<Long, AssessmentActivity.Progress> progress = activity.getIfAvailable(() -> ids -> Map.of())
                .progress(list.stream().map(AssessmentSummary::id).toList());
        Grid<AssessmentSummary> grid = new Grid<>();
        grid.setId("assessment-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(AssessmentsView::titleCell).setHeader("Assessment").setWidth("14rem").setFlexGrow(4);
        grid.addColumn(a -> a.taskCount() == 1 ? "1 task" : a.taskCount() + " tasks").setHeader("Tasks")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.totalMinutes() + " min").setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> candidates(progress.getOrDefault(a.id(), AssessmentActivity.Progress.NONE)))
                .setHeader("Candidates").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> status(a, progress.getOrDefault(a.id(), AssessmentActivity.Progress.NONE)))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> Dates.date(a.updatedAt())).setHeader("Updated").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Component titleCell(AssessmentSummary a) {
        return Cells.stack(new RouterLink(a.title(), AssessmentEditorView.class, a.id()), a.roleName());
    }

    private static Component candidates(AssessmentActivity.Progress p) {
        return p.invited() == 0 ? new Span("None invited")
                : Cells.stack(p.invited() + " invited", p.submitted() + " submitted");
    }

    /** The assessment's stage; an open one whose scoring has closed is a finished round, not an open one. */
    private static Component status(AssessmentSummary a, AssessmentActivity.Progress p) {
        boolean finished = a.status() == AssessmentStatus.OPEN && p.reviewClosed();
        Span s = new Span(finished ? "Scoring closed" : a.status().label());
        s.addClassNames("status", finished ? "status-muted" : switch (a.status()) {
            case DRAFT -> "status-warning";
            case OPEN -> "status-success";
            case CLOSED -> "status-muted";
        });
        if (finished) {
            s.setTitle("Still open for invitations, but the review panel's scoring is closed.");
        }
        return s;
    }
}
