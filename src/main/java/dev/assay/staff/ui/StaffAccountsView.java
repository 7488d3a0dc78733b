package dev.assay.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.SearchBox;
import dev.assay.base.ui.RowMenu;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.ViewHeader;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffRuleException;
import dev.assay.staff.StaffService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Admins manage who can sign in: create accounts, change roles, disable, reset passwords. */
@Route("admin/staff")
@PageTitle("Staff accounts · Assay")
@Menu(title = "Staff accounts", order = 1, icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class StaffAccountsView extends VerticalLayout {


    private final StaffService staff;
    private final Clock clock;
    private final Grid<StaffMember> grid = new Grid<>();
    private final TextField search = SearchBox.create("staff-search", "Search by name or email");
    private List<StaffMember> members = List.of();

    public StaffAccountsView(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
        setId("staff-accounts");
        addClassName("page");
        setPadding(false);
        setSizeFull();

        Button create = new Button("New staff account", VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("new-staff");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Staff accounts",
                "People who can sign in to Assay. Candidates never need an account.", create));

        search.addValueChangeListener(change -> applyFilter());
        add(search);

        grid.setId("staff-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(StaffAccountsView::person).setHeader("Name").setWidth("14rem").setFlexGrow(3).setSortable(true)
                .setComparator(StaffMember::fullName);
        grid.addComponentColumn(StaffAccountsView::roles).setHeader("Roles").setWidth("9rem").setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader("Status").setWidth("8rem").setFlexGrow(1);
        grid.addColumn(m -> m.lastSignInAt() == null ? "Never" : Dates.dateTime(m.lastSignInAt()))
                .setHeader("Last sign-in").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("4rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("No staff account matches your search.");
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        members = staff.list();
        applyFilter();
    }

    private void applyFilter() {
        String term = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(members.stream()
                .filter(m -> term.isEmpty() || m.fullName().toLowerCase(Locale.ROOT).contains(term)
                        || m.email().contains(term))
                .toList());
    }

    private static Component person(StaffMember member) {
        return Cells.stack(member.fullName(), member.email());
    }

    private static Component roles(StaffMember member) {
        Div chips = new Div();
        chips.addClassName("chips");
        for (StaffRole role : StaffRole.values()) {
            if (member.hasRole(role)) {
                Span chip = new Span(role.label());
                chip.addClassNames("chip", "chip-" + role.name().toLowerCase(Locale.ROOT));
                chips.add(chip);
            }
        }
        return chips;
    }

    private Component status(StaffMember member) {
        Span status;
        if (!member.enabled()) {
            status = new Span("Disabled");
            status.addClassNames("status", "status-muted");
        } else if (member.locked(clock.instant())) {
            status = new Span("Sign-in paused");
            status.addClassNames("status", "status-warning");
            status.setTitle("Too many failed sign-ins; paused until " + Dates.dateTime(member.lockedUntil()));
        } else {
            status = new Span("Active");
            status.addClassNames("status", "status-success");
        }
        return status;
    }

    private Component actions(StaffMember member) {
        RowMenu row = new RowMenu(member.fullName());
        MenuBar bar = row.bar();
        SubMenu menu = row.items();
        menu.addItem("Edit name and roles", click -> openEdit(member));
        menu.addItem("Reset password", click -> confirmReset(member));
        if (member.locked(clock.instant())) {
            menu.addItem("Lift sign-in pause", click -> run(() -> staff.unlock(member.id()),
                    member.fullName() + " can sign in again."));
        }
        if (member.enabled()) {
            menu.addItem("Disable account", click -> confirmDisable(member));
        } else {
            menu.addItem("Enable account", click -> run(() -> staff.enable(member.id()),
                    member.fullName() + "'s account is enabled."));
        }
        return bar;
    }

    private void openCreate() {
        new StaffAccountDialog(null, request -> {
            IssuedPassword issued = staff.create(request);
            refresh();
            new IssuedPasswordDialog("Account created", issued).open();
        }).open();
    }

    private void openEdit(StaffMember member) {
        new StaffAccountDialog(member, request -> {
            staff.update(member.id(), request.fullName(), request.roles());
            refresh();
            toast("Saved changes to " + request.fullName() + ".", NotificationVariant.LUMO_SUCCESS);
        }).open();
    }

    private void confirmReset(StaffMember member) {
        ConfirmDialog dialog = new ConfirmDialog("Reset " + member.fullName() + "'s password?",
                "Their current password stops working at once. You'll get a temporary password to hand over "
                        + "securely; it is shown only once.",
                "Reset password", confirm -> {
                    try {
                        IssuedPassword issued = staff.resetPassword(member.id());
                        refresh();
                        new IssuedPasswordDialog("Password reset", issued).open();
                    } catch (StaffRuleException e) {
                        toast(e.getMessage(), NotificationVariant.LUMO_ERROR);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void confirmDisable(StaffMember member) {
        ConfirmDialog dialog = new ConfirmDialog("Disable " + member.fullName() + "?",
                "They can no longer sign in. Their past scores and decisions stay on record, and you can enable "
                        + "the account again at any time.",
                "Disable", confirm -> run(() -> staff.disable(member.id()),
                        member.fullName() + "'s account is disabled."));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void run(Supplier<?> action, String success) {
        try {
            action.get();
            toast(success, NotificationVariant.LUMO_SUCCESS);
        } catch (StaffRuleException e) {
            toast(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private static void toast(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 6000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
    }
}
