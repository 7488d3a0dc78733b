package dev.assay.fairness.ui;

import static dev.assay.base.ui.DataTable.Align.END;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.StatCard;
import dev.assay.fairness.FairnessReport;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.StandardisedDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The monitor's parts, shared by one assessment's page and the page across assessments. */
final class FairnessSections {

    private final FairnessReport report;

    FairnessSections(FairnessReport report) {
        this.report = report;
    }

    /**
     * The page under its header: what the figures mean, then the summary, a card per characteristic, the score
     * gaps and the method; or, with nothing to count, an empty state that says when there will be.
     */
    void fill(HasComponents page) {
        Div principle = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span("These figures describe outcomes, not "
                + "causes. An impact ratio under four fifths is a reason to look closer at the criteria, their "
                + "anchors and the decisions, not proof of discrimination; a group too small to tell is not evidence "
                + "of fairness either. No one's answers are shown, here or anywhere else."));
        principle.addClassName("review-banner");
        principle.setId("fairness-principle");
        page.add(principle);
        if (report.empty()) {
            page.add(new EmptyState(VaadinIcon.SCALE, "Nothing to analyse yet", report.pooled()
                    ? "No candidate submitted in this period. Choose a longer one."
                    : "The monitor fills in once candidates are scored (scoring rates) and decided (selection rates)."));
            return;
        }
        page.add(summary());
        if (report.answered() == 0) {
            page.add(new EmptyState(VaadinIcon.USERS, "No self-identification answers yet",
                    "Candidates are asked, voluntarily, after they submit. Until some answer, every candidate counts "
                            + "as unknown and no group can be compared."));
        }
        for (FairnessReport.Characteristic c : report.characteristics()) {
            page.add(characteristic(c));
        }
        for (FairnessReport.Gaps g : report.gaps()) {
            page.add(gaps(g));
        }
        page.add(method());
    }

    /** The method in a paragraph, for the foot of the page. */
    Component method() {
        Paragraph method = new Paragraph("Selection rate: candidates advanced ÷ candidates with a decision (on hold "
                + "and declined count as not advanced). Scoring rate: candidates whose adjusted score is above the "
                + "median of everyone ranked" + (report.pooled() ? " on the same assessment" : "")
                + ". Impact ratio: a group's rate ÷ the highest group's rate. Groups under "
                + pct(report.excludeShare()) + " of the total are excluded and groups under " + report.minGroup()
                + " people are too few to tell. Fisher's exact test holds for any size; the z test is shown only where "
                + "every expected count is at least 5. See docs/fairness.md.");
        method.addClassName("cell-secondary");
        method.setId("fairness-method");
        return method;
    }

    Component summary() {
        Div stats = new Div(
                new StatCard("Ranked", String.valueOf(report.ranked()), report.provisional() == 0 ? "all reviews in"
                        : report.provisional() + " with reviews still to come"),
                new StatCard("Decided", String.valueOf(report.decided()), report.advanced() + " advanced"),
                new StatCard("Answered the questions", String.valueOf(report.answered()),
                        report.ranked() == 0 ? null : pct((double) report.answered() / report.ranked())
                                + " of those ranked"),
                report.pooled() ? new StatCard("Assessments", String.valueOf(report.sources().size()),
                        "each scored against its own median")
                        : new StatCard("Median adjusted score", report.medianAdjusted() == null ? "–"
                                : String.format(Locale.ROOT, "%.2f", report.medianAdjusted()), "the scoring rate's line"));
        stats.addClassName("stat-row");
        stats.setId("fairness-summary");
        return stats;
    }

    Component characteristic(FairnessReport.Characteristic c) {
        Div box = new Div(new H3(c.name()));
        box.addClassName("card");
        box.addClassName("fairness-card");
        box.setId("fairness-" + c.key());
        box.setWidthFull();
        boolean flagged = c.selection().anyBelowFourFifths() || c.scoring().anyBelowFourFifths();
        if (flagged) {
            Div warn = new Div(VaadinIcon.WARNING.create(), new Span("At least one group's rate is under four fifths "
                    + "of the highest group's. " + (report.pooled()
                            ? "Open each assessment's monitor (listed at the foot) to see which criterion it sits on."
                            : "Look at the score gaps below to see which criterion it sits on.")));
            warn.addClassNames("review-banner", "banner-warning");
            warn.addClassName("four-fifths-warning");
            box.add(warn);
        }
        box.add(FairnessCharts.impactRatios(c));
        box.add(new H4("Selection: advanced of those decided"),
                table(c.selection(), "Advanced", "Selection rate", "fairness-selection-" + c.key()),
                footnote(c.selection(), c.selectionUnknown(), "decided"));
        box.add(new H4("Scoring: above the median adjusted score"
                + (report.pooled() ? " of their assessment" : report.medianAdjusted() == null ? ""
                        : String.format(Locale.ROOT, " (%.2f)", report.medianAdjusted()))),
                table(c.scoring(), "Above median", "Scoring rate", "fairness-scoring-" + c.key()),
                footnote(c.scoring(), c.scoringUnknown(), "ranked"));
        return box;
    }

    private Component table(AdverseImpact.Table t, String favourable, String rate, String id) {
        if (t.rows().isEmpty()) {
            Paragraph none = new Paragraph("No one in a group yet.");
            none.addClassName("cell-secondary");
            none.setId(id);
            return none;
        }
        DataTable<AdverseImpact.Row> table = new DataTable<AdverseImpact.Row>()
                .column("Group", AdverseImpact.Row::label)
                .column("People", r -> String.valueOf(r.total()), END)
                .column(favourable, r -> shown(r) ? String.valueOf(r.favourable()) : "–", END)
                .column(rate, r -> r.rate() == null ? "–" : pct(r.rate()), END)
                .column("Impact ratio", r -> ratio(r, report.excludeShare()), END)
                .column("Four-fifths", FairnessSections::fourFifths)
                .column("Fisher p", r -> p(r.fisherP()), END)
                .column("z test p", r -> r.standing() == AdverseImpact.Standing.COMPARED && r.impactRatio() != null
                        && r.zP() == null ? "counts too small" : p(r.zP()), END)
                .rows(t.rows());
        table.setId(id);
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        return scroll;
    }

    private Component footnote(AdverseImpact.Table t, int unknown, String who) {
        List<String> parts = new ArrayList<>();
        if (t.note() != null) {
            parts.add(t.note());
        }
        parts.add(unknown + " " + who + (unknown == 1 ? " candidate" : " candidates")
                + " did not answer or preferred not to say, and are in no group.");
        if (t.excluded() > 0) {
            parts.add(t.excluded() + " in groups under " + pct(report.excludeShare()) + " of the total are excluded "
                    + "from the comparison.");
        }
        Paragraph p = new Paragraph(String.join(" ", parts));
        p.addClassName("cell-secondary");
        return p;
    }

    Component gaps(FairnessReport.Gaps g) {
        Div box = new Div(new H3("Where the score gap is · " + g.name()));
        box.addClassName("card");
        box.setId("gaps-" + g.key());
        box.setWidthFull();
        if (g.note() != null || g.groups().isEmpty()) {
            Paragraph note = new Paragraph(g.note() != null ? g.note() : "No group to compare.");
            note.addClassName("cell-secondary");
            box.add(note);
            return box;
        }
        box.add(new Paragraph("Standardised mean difference (Cohen's d) of each group against " + g.reference()
                + ", the group with the highest scoring rate: below zero means the group scores lower. Criterion "
                + "levels are the reviewers' means, before the severity adjustment. About 0.2 is small, 0.5 medium, "
                + "0.8 large; the interval shows how sure the figure is."));
        String lead = largestGap(g);
        if (lead != null) {
            Div callout = new Div(VaadinIcon.SEARCH.create(), new Span(lead));
            callout.addClassName("review-banner");
            callout.setId("gap-lead-" + g.key());
            box.add(callout);
        }
        DataTable<FairnessReport.Measure> table = new DataTable<FairnessReport.Measure>()
                .column("Measure", m -> m.name() + (m.weightShare() == null ? ""
                        : " (" + Math.round(m.weightShare() * 100) + "% of score)"));
        for (int i = 0; i < g.groups().size(); i++) {
            int at = i;
            table.column(g.groups().get(i) + " vs " + g.reference(), m -> difference(m.differences().get(at)), END);
        }
        table.rows(g.measures());
        table.setId("gaps-table-" + g.key());
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        box.add(scroll);
        return box;
    }

    /**
     * The sentence that points at the criterion: the largest difference on any criterion between a compared group
     * and the reference, in either direction, named by who scores lower; null when none reaches a small effect
     * (|d| ≥ 0.2). It says how many differences it was picked from, because the largest of many is partly chance.
     */
    static String largestGap(FairnessReport.Gaps g) {
        String group = null;
        FairnessReport.Measure worst = null;
        StandardisedDifference worstD = null;
        int compared = 0;
        for (FairnessReport.Measure m : g.measures()) {
            if (m.weightShare() == null) {
                continue;
            }
            for (int i = 0; i < g.groups().size(); i++) {
                StandardisedDifference d = m.differences().get(i);
                if (d.d() == null) {
                    continue;
                }
                compared++;
                if (Math.abs(d.d()) >= 0.2 && (worstD == null || Math.abs(d.d()) > Math.abs(worstD.d()))) {
                    worstD = d;
                    worst = m;
                    group = g.groups().get(i);
                }
            }
        }
        if (worst == null) {
            return null;
        }
        boolean groupLower = worstD.d() < 0;
        String lower = groupLower ? group : g.reference();
        String higher = groupLower ? g.reference() : group;
        boolean sure = worstD.upper() < 0 || worstD.lower() > 0;
        // Said from the lower-scoring group's side, so d is always below zero in the sentence.
        double d = groupLower ? worstD.d() : -worstD.d();
        double from = groupLower ? worstD.lower() : -worstD.upper();
        double to = groupLower ? worstD.upper() : -worstD.lower();
        return "The largest gap on a criterion: " + lower + " candidates score lower than " + higher + " on "
                + worst.name() + " (" + minus(String.format(Locale.ROOT, "d = %.2f, 95%% interval %.2f to %.2f",
                        d, from, to)) + "). "
                + (sure ? "The interval excludes zero" : "The interval includes zero, so it may be chance")
                + (compared > 1 ? "; it is the largest of " + compared + " differences, and even with no real "
                        + "difference about 1 interval in 20 excludes zero by chance. " : ". ")
                + "Read that criterion's anchors with the panel: do they reward something the job does not need?";
    }

    private static String minus(String text) {
        return text.replace('-', '−');
    }

    private static String difference(StandardisedDifference d) {
        if (d.d() == null) {
            return "– (" + d.note() + ")";
        }
        return minus(String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", d.d(), d.lower(), d.upper()));
    }

    static boolean shown(AdverseImpact.Row r) {
        return r.standing() == AdverseImpact.Standing.REFERENCE || r.standing() == AdverseImpact.Standing.COMPARED;
    }

    static String ratio(AdverseImpact.Row r, double excludeShare) {
        return switch (r.standing()) {
            case REFERENCE -> "1.00 (highest)";
            case TOO_FEW -> "Too few to tell";
            case EXCLUDED -> "Excluded (under " + pct(excludeShare) + ")";
            case COMPARED -> r.impactRatio() == null ? "–" : String.format(Locale.ROOT, "%.2f", r.impactRatio());
        };
    }

    private static String fourFifths(AdverseImpact.Row r) {
        if (r.standing() != AdverseImpact.Standing.COMPARED || r.impactRatio() == null) {
            return "";
        }
        return r.belowFourFifths() ? "Below 4/5" : "At or above";
    }

    private static String p(Double p) {
        if (p == null) {
            return "–";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String pct(double share) {
        double v = share * 100;
        return (Math.abs(v - Math.round(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v)) + "%";
    }
}
