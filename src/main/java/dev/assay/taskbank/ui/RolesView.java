package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The job roles tasks and rubrics belong to. */
@Route("recruiter/roles")
@PageTitle("Roles and rubrics · Assay")
@Menu(title = "Roles and rubrics", order = 20, icon = "vaadin:academy-cap")
@RolesAllowed("RECRUITER")
public class RolesView extends VerticalLayout {

    public RolesView(JobRoleService roles) {
        setId("roles-view");
        addClassName("page");
        setPadding(false);
        setSizeFull();
        Button create = new Button("New role", VaadinIcon.PLUS.create(),
                click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(RoleEditorView.class)));
        create.setId("new-role");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Roles and rubrics",
                "Each role has a rubric: the criteria reviewers score, with what a 1, 3 and 5 look like.", create));

        List<RoleSummary> list = roles.list();
        if (list.isEmpty()) {
            add(new EmptyState(VaadinIcon.ACADEMY_CAP, "No roles yet",
                    "Start with a role you are hiring for. Its rubric begins with Assay's competency model, "
                            + "which you can adapt. Or import the starter library under Import / export."));
            return;
        }
        Grid<RoleSummary> grid = new Grid<>();
        grid.setId("roles-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(RolesView::role).setHeader("Role").setWidth("14rem").setFlexGrow(4);
        grid.addColumn(r -> r.criteriaCount() + " criteria").setHeader("Rubric").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> "Version " + r.rubricVersion()).setHeader("Rubric version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.taskCount() == 1 ? "1 task" : r.taskCount() + " tasks").setHeader("Tasks")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(list);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RoleEditorView.class, e.getItem().id())));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Component role(RoleSummary r) {
        return Cells.stack(new RouterLink(r.name(), RoleEditorView.class, r.id()), r.description());
    }
}
