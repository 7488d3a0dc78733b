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
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Where recruiters land: their assessments, newest first. */
@Route("recruiter")
@PageTitle("Assessments · Assay")
@Menu(title = "Assessments", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed("RECRUITER")
public class AssessmentsView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    public AssessmentsView(AssessmentService assessments) {
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
        Grid<AssessmentSummary> grid = new Grid<>();
        grid.setId("assessment-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(AssessmentsView::titleCell).setHeader("Assessment").setFlexGrow(4);
        grid.addColumn(a -> a.taskCount() == 1 ? "1 task" : a.taskCount() + " tasks").setHeader("Tasks")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.totalMinutes() + " min").setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AssessmentsView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> DATE.format(a.updatedAt())).setHeader("Updated").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Component titleCell(AssessmentSummary a) {
        return Cells.stack(new RouterLink(a.title(), AssessmentEditorView.class, a.id()), a.roleName());
    }

    private static Component status(AssessmentSummary a) {
        Span s = new Span(a.status().label());
        s.addClassNames("status", switch (a.status()) {
            case DRAFT -> "status-warning";
            case OPEN -> "status-success";
            case CLOSED -> "status-muted";
        });
        return s;
    }
}
