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
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.StatCard;
import dev.assay.base.ui.ViewHeader;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.ranking.RankCard;
import dev.assay.ranking.RankCardText;
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
        Anchor pdf = Downloads.bytes("card-pdf", "PDF", "rank-card-" + c.candidateCode() + ".pdf", "application/pdf",
                () -> rankings.cardPdf(submissionId).orElseThrow());
        pdf.addClassName("no-print");
        add(back, new ViewHeader(c.label() + (c.name() == null ? "" : " · " + c.candidateCode()),
                card.assessmentTitle() + (c.email() == null ? "" : " · " + c.email()), explain, pdf, print));
        boolean banded = card.bands() > 0;
        Div stats = new Div(new StatCard("Band", banded ? c.band() + " of " + card.bands() : "None",
                        "Position " + c.position() + " of " + card.candidates()),
                new StatCard("Adjusted score", String.format(Locale.ROOT, "%.2f", c.adjusted()),
                        error(c.adjustedSe()) + ", " + (c.adjustedBySeverity() ? "severity removed" : "not adjustable")),
                new StatCard("Raw score", String.format(Locale.ROOT, "%.2f", c.raw()), error(c.rawSe())),
                new StatCard("Reviews", String.valueOf(c.reviews()), null));
        stats.addClassNames("stat-row", "stat-row-compact");
        add(stats, note(RankCardText.bandNote(card)));
        showDecision();
        add(decisionBox, contributions(), tasks(), reviewers(), flaws());
        if (!card.collaborations().isEmpty()) {
            add(collaborations());
        }
        add(signals(), reconciliation());
    }

    static String error(double se) {
        return RankCardText.error(se);
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
            decisionBox.add(note(RankCardText.NO_DECISION));
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
        return section("Criteria", note(RankCardText.CRITERIA_NOTE), grid);
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
        return section("Reviewers", note(RankCardText.REVIEWERS_NOTE), grid);
    }

    private Component flaws() {
        if (card.flawChecks().isEmpty()) {
            return section("Planted-flaw check", note(RankCardText.NO_CRITIQUE));
        }
        Div list = new Div();
        list.setId("card-flaws");
        for (RankCard.FlawCheck f : card.flawChecks()) {
            list.add(new Paragraph(RankCardText.flaws(f)));
        }
        return section("Planted-flaw check", list);
    }

    private Component collaborations() {
        Div list = new Div();
        list.setId("card-collaboration");
        for (RankCard.Collaboration c : card.collaborations()) {
            list.add(new Paragraph(RankCardText.collaboration(c)));
            for (String flaw : RankCardText.collaborationFlaws(c)) {
                Paragraph line = new Paragraph(flaw);
                line.addClassName("card-note");
                list.add(line);
            }
        }
        return section("Working with the assistant", list);
    }

    private Component signals() {
        Div list = new Div();
        list.addClassName("signal-facts");
        card.signals().forEach(s -> {
            Span fact = new Span(RankCardText.signals(s));
            fact.addClassName("signal-fact");
            list.add(fact);
        });
        return section("Integrity signals", list, note(RankCardText.SIGNALS_NOTE));
    }

    private Component reconciliation() {
        Div box = new Div();
        box.setId("card-reconciliation");
        RankCardText.reconciliation(card.reconciliation()).forEach(line -> box.add(new Paragraph(line)));
        return section("Reconciliation history", box);
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("section-note");
        return p;
    }
}
