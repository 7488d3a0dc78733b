package dev.assay.fairness.ui;

import static dev.assay.base.ui.DataTable.Align.END;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.ViewHeader;
import dev.assay.fairness.FairnessReport;
import dev.assay.fairness.FairnessService;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The adverse-impact figures as the tables of a published NYC Local Law 144 bias audit, one page to print:
 * per category the number of applicants, the number selected (or scoring above the median), the rate and the
 * impact ratio, with the unknown and excluded counts the rules ask for. It is the data for an independent
 * auditor, and says so; Assay does not audit itself.
 */
@Route("recruiter/bias-audit")
@RolesAllowed("RECRUITER")
public class BiasAuditView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final FairnessService fairness;
    private final Clock clock;
    private FairnessReport report;

    public BiasAuditView(FairnessService fairness, Clock clock) {
        this.fairness = fairness;
        this.clock = clock;
        setId("bias-audit-view");
        addClassNames("page", "bias-audit");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Bias-audit table" + (report == null ? "" : " · " + report.assessmentTitle()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long assessmentId) {
        removeAll();
        try {
            if (assessmentId != null) {
                report = fairness.report(assessmentId);
            } else {
                Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
                report = fairness.period(LocalDate.parse(query.getOrDefault("from", List.of("")).getFirst()),
                        LocalDate.parse(query.getOrDefault("to", List.of("")).getFirst()));
            }
        } catch (TaskBankException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            add(new ViewHeader("Choose a period", "Open the bias-audit table from the Adverse impact page, which "
                    + "gives it the period's dates."));
            return;
        }
        Button print = new Button("Print", VaadinIcon.PRINT.create(), e -> getElement().executeJs("window.print()"));
        print.setId("print-bias-audit");
        print.addClassName("no-print");
        Div head = new Div(new H2("Bias-audit data · " + (report.pooled() ? "all assessments, "
                + DATE.format(report.period().from()) + " to " + DATE.format(report.period().to())
                : report.assessmentTitle())), print);
        head.addClassName("decision-head");
        add(head);
        Paragraph about = new Paragraph("Prepared " + DAY.format(clock.instant()) + " from "
                + (report.pooled() ? "the records of " + report.sources().size() + (report.sources().size() == 1
                        ? " assessment" : " assessments") + " (historical data) for candidates who submitted in the "
                        + "period: " : "this assessment's own records (historical data): ") + report.ranked() + " candidates scored by a human panel against the "
                + "role's rubric with a statistical adjustment for reviewer severity, " + report.decided()
                + " decided by a recruiter, " + report.advanced() + " advanced. Sex and race/ethnicity are the "
                + "candidates' voluntary answers, given after they submitted. NYC Local Law 144 requires the bias "
                + "audit itself to be done by an independent auditor: these tables are the data for it, in the "
                + "layout published audits use.");
        about.setId("bias-audit-about");
        add(about);
        for (FairnessReport.Characteristic c : report.characteristics()) {
            Div section = new Div(new H3(c.name() + " categories"));
            section.addClassName("bias-audit-section");
            section.setId("audit-" + c.key());
            section.add(new H4("Selection"), selection(c.selection(), "audit-selection-" + c.key()),
                    notes(c.selection(), c.selectionUnknown()));
            section.add(new H4(report.pooled() ? "Scoring rate (score above the median of the applicant's assessment)"
                    : "Scoring rate (score above the median of " + (report.medianAdjusted() == null ? "–"
                            : String.format(Locale.ROOT, "%.2f", report.medianAdjusted())) + ")"), scoring(c.scoring(), "audit-scoring-" + c.key()), notes(c.scoring(), c.scoringUnknown()));
            add(section);
        }
        Paragraph method = new Paragraph("Selection rate = number selected (advanced) ÷ number of applicants with a "
                + "decision. Scoring rate = applicants scoring above the median adjusted score of all applicants "
                + "scored ÷ applicants. Impact ratio = the category's rate ÷ the highest category's rate. Categories "
                + "under " + FairnessSections.pct(report.excludeShare()) + " of the data are excluded from the impact "
                + "ratios (6 RCNY § 5-301(d)); categories under " + report.minGroup() + " applicants are reported "
                + "as too few to tell, without a rate.");
        method.addClassName("cell-secondary");
        add(method);
    }

    private Component selection(AdverseImpact.Table t, String id) {
        return table(t, id, "Number selected", "Selection rate");
    }

    private Component scoring(AdverseImpact.Table t, String id) {
        return table(t, id, "Number above median", "Scoring rate");
    }

    private Component table(AdverseImpact.Table t, String id, String favourable, String rate) {
        DataTable<AdverseImpact.Row> table = new DataTable<AdverseImpact.Row>()
                .column("Category", AdverseImpact.Row::label)
                .column("Number of applicants", r -> String.valueOf(r.total()), END)
                .column(favourable, r -> FairnessSections.shown(r) ? String.valueOf(r.favourable()) : "–", END)
                .column(rate, r -> r.rate() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", r.rate() * 100), END)
                .column("Impact ratio", r -> r.standing() == AdverseImpact.Standing.REFERENCE ? "1.000"
                        : r.standing() == AdverseImpact.Standing.COMPARED && r.impactRatio() != null
                                ? String.format(Locale.ROOT, "%.3f", r.impactRatio())
                                : FairnessSections.ratio(r, report.excludeShare()), END)
                .rows(t.rows());
        table.setId(id);
        if (t.rows().isEmpty()) {
            Paragraph none = new Paragraph("No applicants in any category.");
            none.setId(id);
            return none;
        }
        return table;
    }

    private Component notes(AdverseImpact.Table t, int unknown) {
        StringBuilder text = new StringBuilder("Unknown category (not answered or prefer not to say): " + unknown + ".");
        List<AdverseImpact.Row> excluded = t.rows().stream()
                .filter(r -> r.standing() == AdverseImpact.Standing.EXCLUDED).toList();
        if (!excluded.isEmpty()) {
            text.append(" Excluded from the impact ratios: ").append(String.join(", ",
                    excluded.stream().map(r -> r.label() + " (" + r.total() + ")").toList())).append('.');
        }
        if (t.note() != null) {
            text.append(' ').append(t.note());
        }
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("cell-secondary");
        return p;
    }
}
