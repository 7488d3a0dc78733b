package dev.assay.fairness.ui;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.ViewHeader;
import dev.assay.fairness.FairnessReport;
import dev.assay.fairness.FairnessService;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;

/**
 * The adverse-impact monitor for one assessment: per characteristic and for the intersection, who was advanced
 * and who scored above the median, the impact ratios against the highest group with the four-fifths flag and
 * tests fit for small groups, and on which criterion a score gap sits. Totals only; nobody's answers.
 */
@Route("recruiter/fairness")
@RolesAllowed("RECRUITER")
public class FairnessView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final FairnessService fairness;
    private FairnessReport report;

    public FairnessView(FairnessService fairness) {
        this.fairness = fairness;
        setId("fairness-view");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Adverse impact" + (report == null ? "" : " · " + report.assessmentTitle()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long assessmentId) {
        removeAll();
        try {
            report = fairness.report(assessmentId);
        } catch (TaskBankException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        }
        Anchor back = new Anchor("recruiter/ranking/" + assessmentId, "← Ranking");
        back.addClassName("back-link");
        Anchor csv = Downloads.csv("download-fairness", "Download CSV", "assay-adverse-impact-" + assessmentId + ".csv",
                () -> fairness.csv(assessmentId));
        Anchor audit = new Anchor("recruiter/bias-audit/" + assessmentId, "");
        audit.setTarget(AnchorTarget.BLANK);
        audit.setId("open-bias-audit");
        Button auditButton = new Button("Bias-audit table", VaadinIcon.PRINT.create());
        auditButton.setTabIndex(-1);
        audit.add(auditButton);
        csv.setEnabled(!report.empty());
        audit.setEnabled(!report.empty());
        add(back, new ViewHeader("Adverse impact · " + report.assessmentTitle(),
                "Outcomes by sex and race/ethnicity from candidates' voluntary answers, counted in totals only.",
                csv, audit));
        new FairnessSections(report).fill(this);
    }
}
