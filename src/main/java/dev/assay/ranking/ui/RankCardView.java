package dev.assay.ranking.ui;

import static dev.assay.base.ui.DataTable.Align.END;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.StatCard;
import dev.assay.base.ui.ViewHeader;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankCard;
import dev.assay.ranking.RankingService;
import dev.assay.review.ReviewException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A candidate's rank card, printable: where they stand, how each criterion and task contributed, every
 * reviewer's score with the severity adjustment applied, the planted-flaw check, integrity signals and the
 * reconciliation history.
 */
@Route("recruiter/rank-card")
@RolesAllowed("RECRUITER")
public class RankCardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final RankingService rankings;
    private final DecisionService decisions;
    private RankCard card;
    private final Div decisionBox = new Div();

    public RankCardView(RankingService rankings, DecisionService decisions) {
        this.rankings = rankings;
        this.decisions = decisions;
        setId("rank-card");
        addClassNames("page", "rank-card");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return (card == null ? "Rank card" : "Rank card · " + card.candidate().label()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long submissionId) {
        removeAll();
        try {
            card = rankings.card(submissionId).orElse(null);
        } catch (ReviewException e) {
            card = null;
        }
        if (card == null) {
            add(new ViewHeader("No rank card", "This submission does not exist or has no submitted review yet."));
            return;
        }
        Anchor back = new Anchor("recruiter/ranking/" + card.assessmentId(), "← Ranking");
        back.addClassNames("back-link", "no-print");
        Button print = new Button("Print", VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("print-card");
        print.addClassName("no-print");
        // For the candidate, on request: their own figures in plain language, with the decision and its reason.
        Anchor explain = new Anchor("recruiter/explanation/" + submissionId, "");
        explain.setId("card-explanation");
        explain.addClassName("no-print");
        Button explainButton = new Button("Explanation for the candidate", VaadinIcon.COMMENT_ELLIPSIS_O.create());
        explainButton.setTabIndex(-1);
        explain.add(explainButton);
        var c = card.candidate();
        add(back, new ViewHeader(c.label() + (c.name() == null ? "" : " · " + c.candidateCode()),
                card.assessmentTitle() + (c.email() == null ? "" : " · " + c.email()), explain, print));
        boolean banded = card.bands() > 0;
        Div stats = new Div(new StatCard("Band", banded ? c.band() + " of " + card.bands() : "None",
                        "Position " + c.position() + " of " + card.candidates()),
                new StatCard("Adjusted score", String.format(Locale.ROOT, "%.2f", c.adjusted()),
                        error(c.adjustedSe()) + ", " + (c.adjustedBySeverity() ? "severity removed" : "not adjustable")),
                new StatCard("Raw score", String.format(Locale.ROOT, "%.2f", c.raw()), error(c.rawSe())),
                new StatCard("Reviews", String.valueOf(c.reviews()), null));
        stats.addClassNames("stat-row", "stat-row-compact");
        add(stats, note(banded ? "Band " + c.band() + ": candidates in the same band cannot be told apart at "
                + Math.round(card.confidence() * 100) + "% confidence." : AssessmentRanking.NO_BANDS));
        showDecision();
        add(decisionBox, contributions(), tasks(), reviewers(), flaws());
        if (!card.collaborations().isEmpty()) {
            add(collaborations());
        }
        add(signals(), reconciliation());
    }

    /** "± 0.31 (SE)", or, where one review leaves nothing to estimate it from, says so instead of showing NaN. */
    static String error(double se) {
        return Double.isNaN(se) || Double.isInfinite(se) ? "no error estimate from one review"
                : String.format(Locale.ROOT, "± %.2f (SE)", se);
    }

    /** The current decision, its history, and the way to record one (not printed). */
    private void showDecision() {
        List<Decision> history = decisions.history(card.candidate().submissionId());
        Decision current = history.isEmpty() ? null : history.getLast();
        decisionBox.removeAll();
        decisionBox.setId("card-decision");
        decisionBox.addClassNames("card", "rank-card-section");
        decisionBox.setWidthFull();
        Button record = new Button(current == null ? "Record decision…" : "Change decision…",
                VaadinIcon.USER_CHECK.create(), e -> new DecisionDialog(decisions, card.assessmentId(),
                        List.of(card.candidate().submissionId()), card.candidate().label(),
                        current == null ? Map.of() : Map.of(card.candidate().submissionId(), current),
                        this::showDecision).open());
        record.setId("card-record-decision");
        record.addClassName("no-print");
        Div head = new Div(new H3("Decision"), RankingView.decisionChip(current), record);
        head.addClassName("decision-head");
        decisionBox.add(head);
        if (current == null) {
            decisionBox.add(note("No decision yet. Assay recommends nothing: a recruiter decides."));
            return;
        }
        Div list = new Div();
        list.setId("decision-history");
        for (int i = history.size() - 1; i >= 0; i--) {
            Decision d = history.get(i);
            Paragraph line = new Paragraph(d.outcome().label() + " · " + Dates.dateTime(d.decidedAt()) + " · "
                    + d.decidedBy() + (d.reason() == null ? "" : " · " + d.reason()));
            line.addClassName(i == history.size() - 1 ? "decision-current" : "decision-earlier");
            list.add(line);
        }
        decisionBox.add(list);
    }

    private Component section(String title, Component... content) {
        Div box = new Div(new H3(title));
        box.add(content);
        box.addClassNames("card", "rank-card-section");
        box.setWidthFull();
        return box;
    }

    private Component contributions() {
        DataTable<RankCard.Contribution> grid = new DataTable<RankCard.Contribution>()
                .column("Criterion", RankCard.Contribution::name)
                .column("Weight", k -> Math.round(k.weightShare() * 100) + "%", END)
                .column("Mean level", k -> k.mean() == null ? "not scored" : String.format(Locale.ROOT, "%.2f", k.mean()), END)
                .column("Contribution", k -> k.points() == null ? "–" : String.format(Locale.ROOT, "%.2f", k.points()), END)
                .rows(card.criteria());
        grid.setId("card-criteria");
        return section("Criteria", note("Contribution = mean level × the criterion's share of the weight among the "
                + "criteria this candidate's tasks were scored on; the contributions add up to the raw score."), grid);
    }

    private Component tasks() {
        DataTable<RankCard.TaskScore> grid = new DataTable<RankCard.TaskScore>()
                .column("#", t -> String.valueOf(t.position() + 1))
                .column("Task", RankCard.TaskScore::title)
                .column("Kind", RankCard.TaskScore::kind)
                .column("Mean level", t -> t.mean() == null ? "–" : String.format(Locale.ROOT, "%.2f", t.mean()), END)
                .rows(card.tasks());
        grid.setId("card-tasks");
        return section("Tasks", grid);
    }

    private Component reviewers() {
        DataTable<RankCard.ReviewerScore> grid = new DataTable<RankCard.ReviewerScore>()
                .column("Reviewer", RankCard.ReviewerScore::name)
                .column("Score", r -> String.format(Locale.ROOT, "%.2f", r.raw()), END)
                .column("Severity added", r -> r.severity() == null ? "not estimated"
                        : String.format(Locale.ROOT, "%+.2f", r.severity()), END)
                .column("Adjusted", r -> String.format(Locale.ROOT, "%.2f", r.adjusted()), END)
                .column("Overall comment", RankCard.ReviewerScore::overallComment)
                .rows(card.reviewers());
        grid.setId("card-reviewers");
        return section("Reviewers", note("Each reviewer's rubric-weighted score; a harsh reviewer's positive severity "
                + "is added back, a lenient reviewer's negative one taken off."), grid);
    }

    private Component flaws() {
        if (card.flawChecks().isEmpty()) {
            return section("Planted-flaw check", note("No AI-output critique task in this attempt."));
        }
        Div list = new Div();
        list.setId("card-flaws");
        for (RankCard.FlawCheck f : card.flawChecks()) {
            var r = f.result();
            list.add(new Paragraph(String.format(Locale.ROOT, "Task %d, %s: found %d of %d planted flaws (%d with the "
                    + "right category); %d of %d flags on a planted flaw. Precision %.2f, recall %.2f, F1 %.2f.",
                    f.position() + 1, f.title(), r.found(), r.flaws().size(), r.categoryMatches(), r.hits(), r.flagCount(),
                    r.precision(), r.recall(), r.f1())));
        }
        return section("Planted-flaw check", list);
    }

    private Component collaborations() {
        Div list = new Div();
        list.setId("card-collaboration");
        for (RankCard.Collaboration c : card.collaborations()) {
            var e = c.evidence();
            list.add(new Paragraph(String.format(Locale.ROOT, "Task %d, %s: the assistant served %d of %d planted "
                    + "flaws; %d reached the deliverable, %d were corrected. %d message%s, %d asking it to check its "
                    + "work; %.0f%% of the deliverable copied from its replies.", c.position() + 1, c.title(),
                    e.served(), e.flaws().size(), e.reached(), e.corrected(), e.turns(), e.turns() == 1 ? "" : "s",
                    e.checkTurns().size(), 100 * e.copiedShare())));
            for (var f : e.flaws()) {
                if (f.outcome() != dev.assay.review.CollaborationEvidence.Outcome.NOT_SERVED) {
                    Paragraph line = new Paragraph("Planted flaw " + f.number() + " ("
                            + f.category().label().toLowerCase(Locale.ROOT) + ") " + f.outcome().label() + ".");
                    line.addClassName("card-note");
                    list.add(line);
                }
            }
        }
        return section("Working with the assistant", list);
    }

    private Component signals() {
        Div list = new Div();
        list.addClassName("signal-facts");
        card.signals().forEach(s -> {
            Span fact = new Span(String.format(Locale.ROOT, "Task %d: %d min active, %s (%,d characters), left the "
                    + "page %s", s.position() + 1, Math.round(s.activeSeconds() / 60.0),
                    count(s.pastes(), "paste", "pastes"), s.pastedChars(), count(s.focusLosses(), "time", "times")));
            fact.addClassName("signal-fact");
            list.add(fact);
        });
        return section("Integrity signals", list, note("Facts recorded by the candidate's browser, not verdicts."));
    }

    private Component reconciliation() {
        RankCard.Reconciliation r = card.reconciliation();
        Div box = new Div();
        box.setId("card-reconciliation");
        if (!r.flagged()) {
            box.add(new Paragraph("The reviews never differed by two or more levels."));
        } else if (r.resolution() == null) {
            box.add(new Paragraph("Flagged: the reviews differ by two or more levels, and the disagreement is not "
                    + "resolved. The score is the mean of the reviews as they stand."));
        } else {
            box.add(new Paragraph("Flagged and resolved (" + r.resolution() + "): " + r.reason()));
            r.agreedLevels().forEach(a -> box.add(new Paragraph("Agreed " + a)));
        }
        return section("Reconciliation history", box);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("section-note");
        return p;
    }
}
