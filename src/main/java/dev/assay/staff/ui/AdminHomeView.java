package dev.assay.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.StatCard;
import dev.assay.base.ui.ViewHeader;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Where admins land: the state of staff access at a glance. */
@Route("admin")
@PageTitle("Administration · Assay")
@Menu(title = "Overview", order = 0, icon = "vaadin:dashboard")
@RolesAllowed("ADMIN")
public class AdminHomeView extends VerticalLayout {

    public AdminHomeView(StaffService staff, Clock clock) {
        setId("admin-home");
        addClassName("page");
        setPadding(false);
        Button manage = new Button("Manage staff accounts", VaadinIcon.USERS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(StaffAccountsView.class)));
        manage.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Administration", "Who can sign in to Assay, and with which roles.", manage));

        List<StaffMember> members = staff.list();
        Instant now = clock.instant();
        long active = members.stream().filter(StaffMember::enabled).count();
        Div stats = new Div(
                new StatCard("Active staff accounts", String.valueOf(active),
                        (members.size() - active) + " disabled"),
                new StatCard("Administrators", String.valueOf(count(members, StaffRole.ADMIN)), null),
                new StatCard("Recruiters", String.valueOf(count(members, StaffRole.RECRUITER)), null),
                new StatCard("Reviewers", String.valueOf(count(members, StaffRole.REVIEWER)), null),
                new StatCard("Sign-in paused", String.valueOf(members.stream().filter(m -> m.locked(now)).count()),
                        "after 5 failed attempts"));
        stats.addClassName("stat-row");
        stats.setId("admin-stats");
        add(stats);

        Div note = new Div(new H3("Keeping access tidy"), new Paragraph(
                "Disable accounts of people who leave the hiring team; their past scores and decisions stay in "
                        + "the record. Every account needs at least one role, and there is always at least one "
                        + "active administrator."));
        note.addClassName("card");
        add(note);
    }

    private static long count(List<StaffMember> members, StaffRole role) {
        return members.stream().filter(m -> m.enabled() && m.hasRole(role)).count();
    }
}
