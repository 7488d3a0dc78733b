package dev.assay.fairness.ui;

import static dev.assay.base.ui.DataTable.Align.END;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.ViewHeader;
import dev.assay.fairness.FairnessReport;
import dev.assay.fairness.FairnessService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The adverse-impact monitor across every assessment, for candidates who submitted in a chosen period (the
 * last twelve months unless chosen otherwise, as a yearly bias audit covers): the figures pooled, the
 * assessments they come from, and each assessment's own monitor one click away.
 */
@Route("recruiter/adverse-impact")
@PageTitle("Adverse impact · Assay")
@Menu(title = "Adverse impact", order = 47, icon = "vaadin:scale")
@RolesAllowed("RECRUITER")
public class FairnessOverviewView extends VerticalLayout implements BeforeEnterObserver {

    private final FairnessService fairness;
    private final Clock clock;
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");

    public FairnessOverviewView(FairnessService fairness, Clock clock) {
        this.fairness = fairness;
        this.clock = clock;
        setId("fairness-overview");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = date(query.get("from"), today.minusYears(1).plusDays(1));
        LocalDate end = date(query.get("to"), today);
        if (end.isBefore(start)) {
            end = start;
        }
        show(start, end);
    }

    private static LocalDate date(List<String> values, LocalDate fallback) {
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(values.getFirst());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private void show(LocalDate start, LocalDate end) {
        removeAll();
        FairnessReport report = fairness.period(start, end);
        Anchor csv = Downloads.csv("download-fairness", "Download CSV",
                "assay-adverse-impact-" + start + "-to-" + end + ".csv", () -> fairness.csv(start, end));
        Anchor audit = new Anchor("recruiter/bias-audit?from=" + start + "&to=" + end, "");
        audit.setTarget(AnchorTarget.BLANK);
        audit.setId("open-bias-audit");
        Button auditButton = new Button("Bias-audit table", VaadinIcon.PRINT.create());
        auditButton.setTabIndex(-1);
        audit.add(auditButton);
        csv.setEnabled(!report.empty());
        audit.setEnabled(!report.empty());
        add(new ViewHeader("Adverse impact", "Outcomes by sex and race/ethnicity across every assessment, for the "
                + "candidates who submitted in the period; totals only.", csv, audit));

        from.setValue(start);
        to.setValue(end);
        from.setMax(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        to.setMax(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        from.setId("period-from");
        to.setId("period-to");
        to.setInvalid(false);
        Button apply = new Button("Show", e -> {
            if (from.getValue() == null || to.getValue() == null) {
                (from.getValue() == null ? from : to).setErrorMessage("Choose a date.");
                (from.getValue() == null ? from : to).setInvalid(true);
                return;
            }
            if (to.getValue().isBefore(from.getValue())) {
                to.setErrorMessage("The end comes before the start.");
                to.setInvalid(true);
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(FairnessOverviewView.class, QueryParameters.simple(Map.of(
                    "from", from.getValue().toString(), "to", to.getValue().toString()))));
        });
        apply.setId("period-show");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div filters = new Div(from, to, apply);
        filters.addClassName("filter-bar");
        add(filters);

        new FairnessSections(report).fill(this);
        if (!report.sources().isEmpty()) {
            DataTable<FairnessReport.Source> sources = new DataTable<FairnessReport.Source>()
                    .column("Assessment", FairnessReport.Source::title)
                    .column("Candidates in the period", s -> String.valueOf(s.candidates()), END)
                    .column("Decided", s -> String.valueOf(s.decided()), END)
                    .rows(report.sources());
            sources.setId("fairness-sources");
            Div links = new Div();
            links.addClassName("gap-list");
            for (FairnessReport.Source s : report.sources()) {
                Anchor link = new Anchor("recruiter/fairness/" + s.assessmentId(), "Open the monitor of " + s.title());
                links.add(link);
            }
            Div box = new Div(new H3("Assessments in the period"), sources, links);
            box.addClassName("card");
            box.setWidthFull();
            add(box);
        }
    }
}
