package dev.assay.oversight.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import dev.assay.oversight.OversightService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Human oversight at a glance: for every assessment, who closed the review and who recorded the decisions; and
 * the audit log for a period as CSV, for a regulator or an auditor.
 */
@Route("admin/oversight")
@PageTitle("Oversight · Assay")
@Menu(title = "Oversight", order = 4, icon = "vaadin:eye")
@RolesAllowed("ADMIN")
public class OversightView extends VerticalLayout {

    public OversightView(OversightService oversight, AuditLog audit, Clock clock) {
        setId("oversight");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("Oversight", "The people behind every assessment's outcome: Assay ranks and explains, and "
                + "these are the steps people took. Every step is in the audit log with its reason."));
        List<OversightService.Steps> steps = oversight.steps();
        if (steps.isEmpty()) {
            add(new EmptyState(VaadinIcon.EYE, "No assessment opened yet",
                    "Once assessments are opened, reviewed and decided, who did each step shows here."));
        } else {
            DataTable<OversightService.Steps> table = new DataTable<OversightService.Steps>()
                    .column("Assessment", s -> s.title() + " (#" + s.assessmentId() + ")")
                    .column("Status", OversightService.Steps::status)
                    .column("Review closed", s -> s.reviewClosedAt() == null ? "Not yet"
                            : Dates.dateTime(s.reviewClosedAt()) + " by " + s.reviewClosedBy())
                    .column("Decisions recorded", s -> s.deciders().isEmpty() ? "None yet" : s.deciders().stream()
                            .map(OversightView::decider).collect(Collectors.joining("; ")))
                    .rows(steps);
            table.setId("oversight-steps");
            Div scroll = new Div(table);
            scroll.addClassName("table-scroll");
            Div box = new Div(new H3("Human steps per assessment"), scroll);
            box.addClassName("card");
            box.setWidthFull();
            add(box);
        }

        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DatePicker from = new DatePicker("From (UTC)", today.minusMonths(6));
        DatePicker to = new DatePicker("To (UTC)", today);
        from.setId("export-from");
        to.setId("export-to");
        Anchor download = Downloads.csv("export-audit", "Download the audit log (CSV)", "assay-audit-log.csv", () -> {
            LocalDate start = from.getValue() == null ? today.minusMonths(6) : from.getValue();
            LocalDate end = to.getValue() == null ? today : to.getValue();
            return audit.csv(new AuditFilter(null, null, null, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        });
        Div form = new Div(from, to, download);
        form.addClassName("filter-bar");
        Paragraph keep = new Paragraph("The audit log is kept in full: nothing trims it, so it always covers more than "
                + "the six months the EU AI Act asks deployers to keep logs (Art. 26(6)). Entries name candidates by "
                + "code; each row carries its hash, so an export can be checked against the chain.");
        keep.addClassName("cell-secondary");
        Div exportBox = new Div(new H3("Export the audit log"), keep, form);
        exportBox.addClassName("card");
        exportBox.setWidthFull();
        add(exportBox);
    }

    private static String decider(OversightService.Decider d) {
        return d.by() + ": " + d.decisions() + (d.decisions() == 1 ? " decision, " : " decisions, ")
                + Dates.date(d.first()) + (d.first().equals(d.last()) ? "" : " to " + Dates.date(d.last()));
    }
}
