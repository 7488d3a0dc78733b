package dev.assay.ranking.ui;

import static dev.assay.base.ui.DataTable.Align.END;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.ViewHeader;
import dev.assay.ranking.CandidateExplanation;
import dev.assay.ranking.RankingService;
import dev.assay.review.ReviewException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A plain-language explanation for one candidate, to print or save as PDF and give them when they ask how they
 * were assessed (EU AI Act Art. 86): written to them, with their own figures, ranges over the whole panel, the
 * human decision and its reason, and nothing about any other candidate or any member of staff.
 */
@Route("recruiter/explanation")
@RolesAllowed("RECRUITER")
public class ExplanationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final RankingService rankings;
    private final Clock clock;
    private CandidateExplanation explanation;

    public ExplanationView(RankingService rankings, Clock clock) {
        this.rankings = rankings;
        this.clock = clock;
        setId("explanation-view");
        addClassNames("page", "explanation");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Explanation" + (explanation == null ? "" : " · " + explanation.candidate()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long submissionId) {
        removeAll();
        try {
            explanation = rankings.explanation(submissionId).orElse(null);
        } catch (ReviewException e) {
            explanation = null;
        }
        if (explanation == null) {
            add(new ViewHeader("No explanation yet", "This submission does not exist or has no submitted review."));
            return;
        }
        CandidateExplanation x = explanation;
        Anchor back = new Anchor("recruiter/rank-card/" + submissionId, "← Rank card");
        back.addClassNames("back-link", "no-print");
        Button print = new Button("Print or save as PDF", VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("print-explanation");
        print.addClassName("no-print");
        Paragraph staffNote = new Paragraph("For the candidate: this page is written to them and holds only their own "
                + "figures, ranges over the whole panel and the decision. Print it or save it as PDF and send it.");
        staffNote.addClassNames("cell-secondary", "no-print");
        add(back, staffNote);
        Div head = new Div(new H2("How your assessment was assessed"), print);
        head.addClassName("decision-head");
        add(head, new Paragraph("For " + x.candidate() + " · " + x.assessmentTitle() + " · prepared "
                + DAY.format(clock.instant())));
        if (x.provisional()) {
            add(new Paragraph("Some reviews of your work are still to come, so the figures below may still change."));
        }

        add(section("What was assessed", new Paragraph("You did " + x.tasks().size() + (x.tasks().size() == 1
                ? " task" : " tasks") + ", realistic pieces of the job:"), tasks(x)));

        add(section("How it was scored", new Paragraph(reviewers(x.reviews()) + " scored your work independently, "
                + "without seeing your name, against the role's rubric: each criterion below has five levels, each "
                + "described in writing, and a share of the overall score. Assay does not score the work; people do. "
                + "It combines their scores and measures how sure the result is.")));

        DataTable<CandidateExplanation.Criterion> criteria = new DataTable<CandidateExplanation.Criterion>()
                .column("Criterion", CandidateExplanation.Criterion::name)
                .column("Share", k -> Math.round(k.weightShare() * 100) + "%", END)
                .column("Your level", k -> k.level() == null ? "not scored" : level(k.level()), END)
                .column("Middle half of candidates", k -> k.lowerQuartile() == null ? "too few to show"
                        : level(k.lowerQuartile()) + " to " + level(k.upperQuartile()), END)
                .column("Median", k -> k.median() == null ? "–" : level(k.median()), END)
                .rows(x.criteria());
        criteria.setId("explanation-criteria");
        Div scroll = new Div(criteria);
        scroll.addClassName("table-scroll");
        add(section("Your levels", new Paragraph("Levels run from 1 to 5. Your level on each criterion is the average "
                + "of your reviewers' levels. The ranges describe all " + x.candidates() + " candidates together: half "
                + "of them were within the middle range, and the median is the level in the middle; no other "
                + "person's result is shown."), scroll));

        double change = x.adjusted() - x.raw();
        add(section("Reviewer strictness", new Paragraph(x.adjustedBySeverity()
                ? "Some reviewers score more strictly than others. Assay estimates each reviewer's strictness from the "
                        + "candidates they scored in common with others and takes it out, so that it does not matter "
                        + "which reviewers you were given. Your overall score before this correction was "
                        + level(x.raw()) + " and after it " + level(x.adjusted()) + (Math.abs(change) < 0.005
                                ? " (no change)." : String.format(Locale.ROOT, " (%s%.2f).", change > 0 ? "+" : "−",
                                        Math.abs(change)))
                : "Your reviewers' strictness could not be compared with the rest of the panel, so your score, "
                        + level(x.raw()) + ", is the plain average of their scores.")));

        add(section("Your band", new Paragraph(x.bands() == 0
                ? "Scores carry uncertainty: different reviewers could have scored the same work a little "
                        + "differently. Usually candidates are grouped into bands of people who cannot be told apart, "
                        + "but here no candidate was scored by two reviewers, so that uncertainty could not be "
                        + "measured and no bands were formed. Small differences between scores may mean nothing."
                : "Scores carry uncertainty: different reviewers could have scored the "
                + "same work a little differently. Candidates are therefore grouped into bands of people who cannot "
                + "be told apart with " + Math.round(x.confidence() * 100) + "% confidence. Your score placed you "
                + "in band " + x.band() + " of " + x.bands() + " (band 1 is the highest). The order within a band "
                + "means nothing.")));

        Paragraph decision = new Paragraph(x.decision() == null
                ? "No decision has been recorded yet. When one is, it will be a person's, not Assay's."
                : "A person, not Assay, decided: " + x.decision().outcome().toLowerCase(Locale.ROOT) + ", on "
                        + DAY.format(x.decision().decidedAt()) + "."
                        + (x.decision().reason() == null ? " No reason was written down with the decision."
                                : " The reason they gave: “" + x.decision().reason() + "”"));
        decision.setId("explanation-decision");
        add(section("The decision", decision, new Paragraph("Assay ranks and explains; it does not decide. If you "
                + "think something went wrong, or you want a person to look at the decision again, reply to the "
                + "hiring team that sent you this explanation.")));
    }

    private static String reviewers(int n) {
        return n == 1 ? "One trained reviewer" : n + " trained reviewers";
    }

    private static String level(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static UnorderedList tasks(CandidateExplanation x) {
        UnorderedList list = new UnorderedList();
        x.tasks().forEach(t -> list.add(new ListItem(t.title() + " (" + t.kind() + ")")));
        list.setId("explanation-tasks");
        return list;
    }

    private static Div section(String title, com.vaadin.flow.component.Component... content) {
        Div box = new Div(new H3(title));
        box.add(content);
        box.addClassNames("card", "rank-card-section");
        box.setWidthFull();
        return box;
    }
}
