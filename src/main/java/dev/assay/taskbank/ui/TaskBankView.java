package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.ExposureFilter;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleSummary;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskBankService.SortBy;
import dev.assay.taskbank.TaskFilter;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskStatus;
import dev.assay.taskbank.TaskSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The task bank: every task, searchable and filterable; filtering and paging happen in the database. */
@Route("recruiter/tasks")
@PageTitle("Task bank · Assay")
@Menu(title = "Task bank", order = 30, icon = "vaadin:archive")
@RolesAllowed("RECRUITER")
public class TaskBankView extends VerticalLayout {


    private final TaskBankService bank;
    private final Map<String, String> roleNames;
    private final TextField search = new TextField();
    private final Select<RoleSummary> role = new Select<>();
    private final Select<TaskKind> kind = new Select<>();
    private final Select<TaskStatus> status = new Select<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final Select<ExposureFilter> exposure = new Select<>();
    private final Grid<TaskSummary> grid = new Grid<>();
    private final Span count = new Span();

    public TaskBankView(TaskBankService bank, JobRoleService roles) {
        this.bank = bank;
        List<RoleSummary> roleList = roles.list();
        this.roleNames = roleList.stream().collect(Collectors.toMap(RoleSummary::key, RoleSummary::name));
        setId("task-bank");
        addClassName("page");
        setPadding(false);
        setSizeFull();

        MenuBar create = new MenuBar();
        create.setId("new-task");
        create.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        MenuItem newTask = create.addItem("New task");
        newTask.addComponentAsFirst(VaadinIcon.PLUS.create());
        for (TaskKind k : TaskKind.values()) {
            MenuItem item = newTask.getSubMenu().addItem(k.label(),
                    e -> getUI().ifPresent(ui -> ui.navigate(TaskEditorView.class, "new-" + k.code())));
            item.setId("new-" + k.code());
        }
        add(new ViewHeader("Task bank",
                "Work-sample tasks for every role. Published versions never change; edits become a new draft.", create));

        search.setPlaceholder("Search titles and keys");
        search.setAriaLabel("Search tasks");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("task-search");
        role.setLabel("Role");
        role.setItems(roleList);
        role.setItemLabelGenerator(r -> r == null ? "All roles" : r.name());
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption("All roles");
        kind.setLabel("Kind");
        kind.setItems(TaskKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.label());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.setId("kind-filter");
        status.setLabel("Status");
        status.setItems(TaskStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setId("status-filter");
        tag.setLabel("Tag");
        tag.setItems(bank.tagsInUse());
        tag.setPlaceholder("Any tag");
        tag.setClearButtonVisible(true);
        exposure.setLabel("Exposure");
        exposure.setItems(ExposureFilter.values());
        exposure.setItemLabelGenerator(x -> x == null ? "Any exposure" : x.label());
        exposure.setEmptySelectionAllowed(true);
        exposure.setEmptySelectionCaption("Any exposure");
        search.setLabel("Search");
        Div filters = new Div(search, role, kind, status, tag, exposure);
        filters.addClassName("filter-bar");
        search.addValueChangeListener(e -> refresh());
        role.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        exposure.addValueChangeListener(e -> refresh());
        count.addClassName("result-count");
        count.setId("task-count");
        add(filters, count);

        grid.setId("task-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        Grid.Column<TaskSummary> title = grid.addComponentColumn(this::titleCell).setHeader("Task").setWidth("16rem").setFlexGrow(5)
                .setSortable(true).setSortProperty(SortBy.TITLE.name());
        grid.addComponentColumn(TaskBankView::kindCell).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.difficulty().label()).setHeader("Difficulty").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(TaskBankView::statusCell).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TaskBankView::exposureText).setHeader("Served").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty(SortBy.EXPOSURE.name());
        grid.addColumn(t -> Dates.date(t.updatedAt())).setHeader("Updated").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty(SortBy.UPDATED.name());
        grid.sort(List.of(new GridSortOrder<>(title, SortDirection.ASCENDING)));
        grid.setEmptyStateText("No task matches these filters.");
        grid.setPageSize(50);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private TaskFilter filter() {
        return new TaskFilter(search.getValue(), role.getValue() == null ? null : role.getValue().key(),
                kind.getValue(), status.getValue(), tag.getValue(), exposure.getValue());
    }

    private void refresh() {
        TaskFilter filter = filter();
        long total = bank.count(filter);
        count.setText(total == 1 ? "1 task" : total + " tasks");
        grid.setItems(query -> {
            SortBy sortBy = SortBy.TITLE;
            boolean ascending = true;
            if (!query.getSortOrders().isEmpty()) {
                sortBy = SortBy.valueOf(query.getSortOrders().getFirst().getSorted());
                ascending = query.getSortOrders().getFirst().getDirection() == SortDirection.ASCENDING;
            }
            return bank.search(filter, query.getOffset(), query.getLimit(), sortBy, ascending).stream();
        }, query -> (int) bank.count(filter));
    }

    private Component titleCell(TaskSummary t) {
        RouterLink link = new RouterLink(t.title(), TaskEditorView.class, String.valueOf(t.id()));
        String roles = t.roleKeys().stream().map(k -> roleNames.getOrDefault(k, k)).sorted()
                .collect(Collectors.joining(", "));
        String tags = t.tags().stream().sorted().map(x -> "#" + x).collect(Collectors.joining(" "));
        return Cells.stack(link, roles.isEmpty() ? tags : roles + (tags.isEmpty() ? "" : " · " + tags));
    }

    static Component kindCell(TaskSummary t) {
        Span chip = new Span(t.kind().label());
        chip.addClassNames("chip", "chip-kind-" + t.kind().code());
        return chip;
    }

    static Component statusCell(TaskSummary t) {
        Span s = new Span(t.status().label() + (t.draftChanges() ? " · draft changes" : ""));
        s.addClassNames("status", switch (t.status()) {
            case PUBLISHED -> t.draftChanges() ? "status-warning" : "status-success";
            case DRAFT -> "status-warning";
            case RETIRED -> "status-muted";
        });
        if (t.publishedVersion() != null) {
            s.setTitle("Published version " + t.publishedVersion() + "; latest version " + t.latestVersion());
        }
        return s;
    }

    private static String exposureText(TaskSummary t) {
        return t.exposureLimit() == null ? String.valueOf(t.exposureCount())
                : t.exposureCount() + " of " + t.exposureLimit() + (t.atExposureLimit() ? " · limit reached" : "");
    }
}
