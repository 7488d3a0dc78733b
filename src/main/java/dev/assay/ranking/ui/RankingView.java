package dev.assay.ranking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.ViewHeader;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.PanelAnalytics;
import dev.assay.ranking.RankingService;
import dev.assay.ranking.RaschView;
import dev.assay.ranking.stats.ScoreBands;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An assessment's ranking: raw and severity-adjusted scores side by side with their uncertainty, grouped
 * into bands of candidates who cannot be told apart, and the reviewer severities behind the adjustment.
 */
@Route("recruiter/ranking")
@RolesAllowed("RECRUITER")
public class RankingView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    /** A quarter of a rubric level: smaller severities are not called out, however precisely measured. */
    static final double PRACTICAL_SEVERITY = 0.25;

    private final RankingService rankings;
    private final DecisionService decisions;
    private AssessmentRanking ranking;
    private PanelAnalytics analytics;
    private Map<Long, Decision> decided = Map.of();

    public RankingView(RankingService rankings, DecisionService decisions) {
        this.rankings = rankings;
        this.decisions = decisions;
        setId("ranking-view");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Ranking" + (ranking == null ? "" : " · " + ranking.assessmentTitle()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long assessmentId) {
        removeAll();
        boolean rasch = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("model", List.of()).contains("rasch");
        try {
            ranking = rankings.ranking(assessmentId, RankingService.DEFAULT_CONFIDENCE);
        } catch (TaskBankException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        }
        // By address: the review board belongs to the review module, upstream of ranking.
        Anchor back = new Anchor("recruiter/review/" + assessmentId, "← Review board");
        back.addClassName("back-link");
        Anchor csv = Downloads.csv("download-ranking", "Download CSV", "assay-ranking-" + assessmentId + ".csv",
                () -> rankings.csv(assessmentId, RankingService.DEFAULT_CONFIDENCE));
        csv.setEnabled(!ranking.candidates().isEmpty());
        // By address: the adverse-impact monitor (module fairness) reads the ranking, not the other way round.
        Anchor fairness = new Anchor("recruiter/fairness/" + assessmentId, "");
        fairness.setId("open-fairness");
        Button fairnessButton = new Button("Adverse impact", VaadinIcon.SCALE.create());
        fairnessButton.setTabIndex(-1);
        fairness.add(fairnessButton);
        add(back, new ViewHeader("Ranking · " + ranking.assessmentTitle(), ranking.identitiesVisible()
                ? "The review is closed: candidates are shown by name."
                : "Candidates are shown by code until the review is closed.", fairness, csv));
        if (ranking.candidates().isEmpty()) {
            add(new EmptyState(VaadinIcon.BAR_CHART, "Nothing to rank yet",
                    "Candidates appear here once at least one reviewer has submitted a scorecard for them."));
            return;
        }
        if (ranking.bandsFormed()) {
            Paragraph bands = new Paragraph("Candidates in the same band cannot be told apart at "
                    + Math.round(ranking.confidence() * 100) + "% confidence; the order within a band is not meaningful.");
            bands.addClassName("ranking-explainer");
            bands.setId("band-explainer");
            add(bands);
        } else {
            Div bands = new Div(VaadinIcon.WARNING.create(), new Span(AssessmentRanking.NO_BANDS));
            bands.addClassNames("review-banner", "review-banner-warning");
            bands.setId("band-explainer");
            add(bands);
        }
        if (ranking.severityNote() != null) {
            Div note = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span(ranking.severityNote()));
            note.addClassName("review-banner");
            note.setId("severity-note");
            add(note);
        }
        if (ranking.unscored() > 0) {
            add(note(ranking.unscored() + (ranking.unscored() == 1 ? " submission has" : " submissions have")
                    + " no submitted review yet and " + (ranking.unscored() == 1 ? "is" : "are") + " not ranked."));
        }
        Div principle = new Div(VaadinIcon.USER_CHECK.create(), new Span("Assay ranks and explains; people decide. "
                + "A decision here is always a person's, recorded under their name, and nothing is decided or sent "
                + "to candidates automatically."));
        principle.addClassName("review-banner");
        principle.setId("decision-principle");
        add(principle);
        add(modelChoice(assessmentId, rasch));
        if (rasch) {
            add(raschCard(rankings.rasch(assessmentId)));
        }
        decided = decisions.current(ranking.assessmentId());
        analytics = rankings.analytics(ranking.assessmentId());
        Div distribution = new Div(new H3("Score distribution"), RankingCharts.distribution(analytics.adjustedScores()));
        distribution.addClassName("card");
        distribution.setWidthFull();
        add(candidates(), distribution, reliability(), decisionStudy(), reviewers());
    }

    /**
     * The candidates, best first. Each column keeps to what fits at 1440 px beside the navigation: the raw score
     * sits under the adjusted one, criterion headers wrap, and the candidate's name opens the rank card.
     */
    private Component candidates() {
        Grid<AssessmentRanking.Candidate> grid = new Grid<>();
        grid.setId("ranking-grid");
        grid.addClassName("ranking-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> band(c, decided.get(c.submissionId())))
                .setHeader(header("Band", "reviews, decision")).setWidth("6.5rem").setFlexGrow(0);
        grid.addComponentColumn(c -> {
            RouterLink card = new RouterLink(c.label(), RankCardView.class, c.submissionId());
            card.addClassName("rank-card-link");
            card.getElement().setAttribute("aria-label", "Rank card of " + c.label());
            card.getElement().setAttribute("title", "Open the rank card");
            return Cells.stack(card, c.name() == null ? "name shown when review closes" : c.candidateCode());
        }).setHeader("Candidate").setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(c -> Cells.stack(score(c.adjusted(), c.adjustedSe())
                        + (c.adjustedBySeverity() ? "" : " (raw)"), "raw " + score(c.raw(), c.rawSe())))
                .setHeader(header("Adjusted ± SE", "raw below")).setWidth("8.75rem").setFlexGrow(0);
        for (AssessmentRanking.Criterion k : ranking.criteria()) {
            grid.addColumn(c -> {
                Double m = c.criterionMeans().get(k.key());
                return m == null ? "–" : String.format(Locale.ROOT, "%.2f", m);
            }).setHeader(header(k.name(), Math.round(k.weightShare() * 100) + "% of score")).setWidth("5rem")
                    .setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
        grid.addColumn(c -> c.disagreement(ranking.identitiesVisible()))
                .setHeader(header("Flagged", "reviews 2+ apart")).setWidth("6.5rem").setFlexGrow(0);
        grid.setItems(ranking.candidates());
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // The checkbox column as narrow as its checkbox, so every column still fits at 1440 px.
        grid.getElement().getChildren().filter(e -> e.getTag().equals("vaadin-grid-flow-selection-column"))
                .forEach(e -> e.setProperty("width", "2.5rem").setProperty("flexGrow", 0));
        Button decide = new Button("Record decision…", VaadinIcon.USER_CHECK.create());
        decide.setId("record-decision");
        decide.setEnabled(false);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            decide.setEnabled(n > 0);
            decide.setText(n == 0 ? "Record decision…" : "Record decision for " + n + " selected…");
        });
        decide.addClickListener(e -> {
            List<AssessmentRanking.Candidate> selected = List.copyOf(grid.getSelectedItems());
            String who = selected.size() == 1 ? selected.getFirst().label() : selected.size() + " candidates";
            new DecisionDialog(decisions, ranking.assessmentId(),
                    selected.stream().map(AssessmentRanking.Candidate::submissionId).toList(), who, decided, () -> {
                        decided = decisions.current(ranking.assessmentId());
                        grid.deselectAll();
                        grid.getDataProvider().refreshAll();
                    }).open();
        });
        Button tell = new Button("Tell candidates…", VaadinIcon.ENVELOPE_O.create());
        tell.setId("tell-candidates");
        tell.setEnabled(false);
        grid.addSelectionListener(e -> tell.setEnabled(ranking.identitiesVisible() && !e.getAllSelectedItems().isEmpty()));
        tell.addClickListener(e -> new OutcomeMessageDialog(rankings, ranking.assessmentId(), ranking.assessmentTitle(),
                grid.getSelectedItems().stream().map(AssessmentRanking.Candidate::submissionId).toList(), decided,
                grid::deselectAll).open());
        Span hint = new Span(ranking.identitiesVisible()
                ? "Select candidates to record a decision, or to tell them the decision by mail."
                : "Select candidates to record a decision for them. Candidates can be told once the review is closed.");
        hint.addClassName("cell-secondary");
        Div toolbar = new Div(decide, tell, hint);
        toolbar.addClassName("decision-toolbar");
        Div box = new Div(new H3("Candidates"), toolbar, grid);
        box.addClassName("card");
        box.setWidthFull();
        return box;
    }

    /**
     * The band and how many reviews it rests on; "Incomplete" while reviews are still to come, because a band
     * from part of the panel is provisional.
     */
    private static Component band(AssessmentRanking.Candidate c, Decision decision) {
        Span chip;
        Span detail;
        if (c.band() == ScoreBands.NO_BAND) {
            chip = new Span("No band");
            chip.addClassNames("chip", "band-chip", "band-incomplete");
            chip.getElement().setAttribute("title", "Bands need at least one candidate scored by two reviewers.");
            detail = new Span(c.reviews() + " of " + (c.reviews() + c.pendingReviews()) + " reviews");
        } else if (c.complete()) {
            chip = new Span("Band " + c.band());
            chip.addClassNames("chip", "band-chip", "band-" + Math.min(c.band(), 6));
            detail = new Span(c.reviews() + (c.reviews() == 1 ? " review" : " reviews"));
        } else {
            chip = new Span("Incomplete");
            chip.addClassNames("chip", "band-chip", "band-incomplete");
            detail = new Span(c.reviews() + " of " + (c.reviews() + c.pendingReviews()) + " reviews");
            chip.getElement().setAttribute("title", "Band " + c.band() + " so far; " + c.pendingReviews()
                    + (c.pendingReviews() == 1 ? " review is" : " reviews are") + " still to come, so it may change.");
        }
        detail.addClassName("cell-secondary");
        Div cell = new Div(chip, detail, decisionChip(decision));
        cell.addClassNames("cell-stack", "band-cell");
        return cell;
    }

    /** The current decision as a chip, or a quiet "Not decided". */
    static Component decisionChip(Decision d) {
        Span chip = new Span(d == null ? "not decided" : d.outcome().label());
        chip.addClassNames("chip", "decision-chip", d == null ? "decision-none"
                : "decision-" + d.outcome().name().toLowerCase(Locale.ROOT));
        if (d != null && d.reason() != null) {
            chip.getElement().setAttribute("title", d.reason());
        }
        return chip;
    }

    private static Component header(String title, String detail) {
        Span main = new Span(breakable(title));
        Span sub = new Span(detail);
        sub.addClassName("grid-header-detail");
        Div h = new Div(main, sub);
        h.addClassName("grid-header");
        return h;
    }

    /**
     * Long words with soft hyphens, so a narrow criterion column breaks "communication" as "communica-tion"
     * with a visible hyphen rather than silently mid-word. The browser uses only the break it needs.
     */
    static String breakable(String title) {
        StringBuilder out = new StringBuilder(title.length() + 16);
        for (String word : title.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (word.length() < 10) {
                out.append(word);
                continue;
            }
            for (int i = 0; i < word.length(); i++) {
                if (i >= 4 && i <= word.length() - 3 && Character.isLetter(word.charAt(i - 1))
                        && Character.isLetter(word.charAt(i))) {
                    out.append('\u00AD');
                }
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }

    private Component reliability() {
        Grid<PanelAnalytics.CriterionReliability> grid = new Grid<>();
        grid.setId("reliability-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(PanelAnalytics.CriterionReliability::name).setHeader("Criterion").setFlexGrow(2);
        grid.addColumn(c -> c.alpha() == null ? "–" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]",
                c.alpha().estimate(), c.alpha().lower(), c.alpha().upper())).setHeader("Krippendorff's α [95% CI]")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PanelAnalytics.CriterionReliability::units).setHeader("Units").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(c -> {
            Span v = new Span(c.verdict().label());
            v.addClassNames("chip", "verdict-" + c.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            return v;
        }).setHeader("Reading").setAutoWidth(true).setFlexGrow(0);
        List<PanelAnalytics.CriterionReliability> rows = new java.util.ArrayList<>(analytics.criteria());
        rows.add(analytics.overall());
        grid.setItems(rows);
        Div box = new Div(new H3("Panel reliability"), note("Alpha ≥ .80 is reliable, .667–.80 tentative, below .667 "
                + "not reliable. A criterion below the floor usually needs its anchors rewritten so reviewers can "
                + "tell the levels apart. Units are submission × task cells scored by two or more reviewers."),
                RankingCharts.reliability(analytics.criteria()), grid);
        PanelAnalytics.Linking linking = analytics.linking();
        Paragraph icc = note(linking.note() != null ? linking.note() : String.format(Locale.ROOT,
                "Linking set: %d submissions scored by all %d reviewers. ICC(2,1) = %.2f [%.2f, %.2f] for one reviewer; "
                        + "ICC(2,%d) = %.2f [%.2f, %.2f] for the panel's mean.", linking.submissions(),
                linking.reviewers(), linking.icc21().estimate(), linking.icc21().lower(), linking.icc21().upper(),
                linking.reviewers(), linking.icc2k().estimate(), linking.icc2k().lower(), linking.icc2k().upper()));
        icc.setId("linking-icc");
        box.add(icc);
        box.addClassName("card");
        box.setWidthFull();
        return box;
    }

    /**
     * Which scoring model the page shows: the linear model (the default, behind the bands, decisions and CSV) or,
     * beside it, the many-facet Rasch model. The choice is in the address, so it can be shared.
     */
    private Component modelChoice(long assessmentId, boolean rasch) {
        RadioButtonGroup<String> model = new RadioButtonGroup<>("Scoring model");
        model.setId("scoring-model");
        model.setItems("Linear (default)", "Many-facet Rasch");
        model.setValue(rasch ? "Many-facet Rasch" : "Linear (default)");
        model.addValueChangeListener(e -> getUI().ifPresent(ui -> ui.navigate("recruiter/ranking/" + assessmentId,
                e.getValue().startsWith("Many") ? QueryParameters.of("model", "rasch") : QueryParameters.empty())));
        Div box = new Div(model, note("The linear model (additive reviewer severity, least squares) ranks and bands "
                + "the candidates below. The many-facet Rasch model treats levels as ordered categories and measures "
                + "candidates, criteria and reviewers in logits, with reviewer fit; it is shown beside the linear one."));
        box.addClassName("model-choice");
        return box;
    }

    /** The Rasch analysis: reviewer severity and fit, candidates by measure with fair averages, separation. */
    private Component raschCard(RaschView r) {
        Div box = new Div(new H3("Many-facet Rasch model"));
        box.setId("rasch-view");
        box.addClassName("card");
        box.setWidthFull();
        if (!r.estimated()) {
            box.add(note(String.join(" ", r.notes())));
            return box;
        }
        Paragraph summary = note(String.format(Locale.ROOT, "Joint maximum likelihood, %s after %d iterations (%d ms). "
                + "Reliability of the candidates' measures %s; of reviewer severities %s (separation %s).",
                r.converged() ? "converged" : "NOT converged", r.iterations(), r.millis(),
                reliability(r.candidateFacet()), reliability(r.reviewerFacet()), number(r.reviewerFacet().separation())));
        summary.setId("rasch-summary");
        box.add(summary);
        r.notes().forEach(n -> box.add(note(n)));
        Grid<RaschView.ReviewerFit> raters = new Grid<>();
        raters.setId("rasch-reviewers");
        raters.setAllRowsVisible(true);
        raters.addThemeVariants(GridVariant.LUMO_COMPACT);
        raters.addColumn(RaschView.ReviewerFit::name).setHeader("Reviewer").setFlexGrow(2);
        raters.addColumn(x -> x.severity() == null ? "not measured" : String.format(Locale.ROOT, "%+.2f ± %.2f",
                x.severity(), x.standardError())).setHeader("Severity (logits)").setAutoWidth(true).setFlexGrow(0);
        raters.addColumn(x -> number(x.infit())).setHeader("Infit").setAutoWidth(true).setFlexGrow(0);
        raters.addColumn(x -> number(x.outfit())).setHeader("Outfit").setAutoWidth(true).setFlexGrow(0);
        raters.addColumn(x -> number(x.fairAverage())).setHeader("Fair average").setAutoWidth(true).setFlexGrow(0);
        raters.addColumn(x -> x.reading() + (x.centralTendency() ? "; uses the middle levels more than expected" : ""))
                .setHeader("Reading").setFlexGrow(3);
        raters.setItems(r.reviewers());
        box.add(new H4("Reviewers"), note("Severity: positive is harsher. Infit and outfit mean squares near 1 fit "
                + "the model; above 1.5 the reviewer is erratic (noisy), below 0.5 too predictable (halo or central "
                + "tendency). Fair average: the level this reviewer would give an average candidate."), raters);
        Grid<RaschView.CandidateMeasure> candidates = new Grid<>();
        candidates.setId("rasch-candidates");
        candidates.setAllRowsVisible(r.candidates().size() <= 50);
        if (r.candidates().size() > 50) {
            candidates.setHeight("28rem");
        }
        candidates.addThemeVariants(GridVariant.LUMO_COMPACT);
        candidates.addColumn(RaschView.CandidateMeasure::candidateCode).setHeader("Candidate").setFlexGrow(1);
        candidates.addColumn(x -> x.measure() == null ? "not measured" : String.format(Locale.ROOT, "%+.2f ± %.2f%s",
                x.measure(), x.standardError(), x.extreme() ? " (extreme)" : "")).setHeader("Measure (logits)")
                .setAutoWidth(true).setFlexGrow(0);
        candidates.addColumn(x -> number(x.fairAverage())).setHeader("Fair average").setAutoWidth(true).setFlexGrow(0);
        candidates.addColumn(x -> String.format(Locale.ROOT, "%.2f", x.observedAverage())).setHeader("Observed average")
                .setAutoWidth(true).setFlexGrow(0);
        candidates.setItems(r.candidates());
        box.add(new H4("Candidates by measure"), note("Fair average: the expected level for this candidate from an "
                + "average reviewer on an average criterion, back on the 1–5 scale."), candidates);
        return box;
    }

    private static String reliability(RaschView.Facet f) {
        return f.reliability() == null ? "not available" : String.format(Locale.ROOT, "%.2f", f.reliability());
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** "How many reviewers do we need?": the D study's sentence, its chart and the variance components. */
    private Component decisionStudy() {
        PanelAnalytics.DecisionStudy d = analytics.decisionStudy();
        Div box = new Div(new H3("How many reviewers?"));
        box.setId("decision-study");
        box.addClassName("card");
        box.setWidthFull();
        if (d == null) {
            box.add(note("Refresh the page to compute the decision study."));
            return box;
        }
        Paragraph reading = new Paragraph(d.reading());
        reading.setId("decision-study-reading");
        reading.addClassName("ranking-explainer");
        box.add(reading);
        if (!d.estimated()) {
            return box;
        }
        box.add(note("Expected reliability of a candidate's score (G for ranking candidates against each other, Φ for "
                + "comparing them with a fixed standard) if each submission had 1 to 5 reviewers and 1 to " + d.tasks()
                + (d.tasks() == 1 ? " task" : " tasks") + ", from this panel's variance components (generalizability "
                + "theory, reviewers nested in candidates, crossed with tasks)."), RankingCharts.decisionStudy(d));
        String components = d.components().stream().map(c -> "σ²(" + c.source() + ") = " + (c.estimate() == null ? "–"
                : String.format(Locale.ROOT, "%.3f", c.estimate()))).reduce((a, b) -> a + " · " + b).orElse("");
        Paragraph p = note("Variance components: " + components + ". Negative estimates count as 0.");
        p.setId("variance-components");
        box.add(p);
        return box;
    }

    private Component reviewers() {
        Grid<PanelAnalytics.ReviewerStats> grid = new Grid<>();
        grid.setId("severity-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(PanelAnalytics.ReviewerStats::name).setHeader("Reviewer").setFlexGrow(2);
        grid.addColumn(PanelAnalytics.ReviewerStats::reviews).setHeader("Reviews").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.severity() == null ? "not estimated" : String.format(Locale.ROOT, "%+.2f ± %.2f",
                r.severity(), r.severityError())).setHeader("Severity ± SE").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.agreement() == null ? "–" : String.format(Locale.ROOT, "%.2f", r.agreement()))
                .setHeader("Agreement (r)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PanelAnalytics.ReviewerStats::flaggedReviews).setHeader("In flagged").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(RankingView::reading).setHeader("Reading").setFlexGrow(2);
        grid.setItems(analytics.reviewers());
        Div box = new Div(new H3("Reviewers"), note("Severity: positive scores lower than the panel's average "
                + "reviewer, negative higher; adjusted scores remove this difference. A reviewer is called harsher or more "
                + "lenient when the gap exceeds both two standard errors and a quarter of a level. Agreement: correlation of the "
                + "reviewer's levels with the other reviewers' mean on the same criterion. In flagged: reviews of "
                + "submissions flagged for a disagreement."), RankingCharts.severities(analytics.reviewers()), grid);
        box.addClassName("card");
        box.setWidthFull();
        return box;
    }

    private static String reading(PanelAnalytics.ReviewerStats r) {
        if (r.severity() == null) {
            return "Shares no candidates with the rest of the panel";
        }
        // Different only when the gap is both clear (beyond two standard errors) and large enough to matter.
        if (Math.abs(r.severity()) < Math.max(2 * r.severityError(), PRACTICAL_SEVERITY)) {
            return "In line with the panel";
        }
        return r.severity() > 0 ? "Harsher than the panel" : "More lenient than the panel";
    }

    private static String score(double value, double se) {
        if (Double.isNaN(se)) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", value, se);
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("section-note");
        return p;
    }
}
