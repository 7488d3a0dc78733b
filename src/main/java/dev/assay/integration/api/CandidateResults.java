package dev.assay.integration.api;

import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.integration.api.InvitationsApi.AssistantFlaws;
import dev.assay.integration.api.InvitationsApi.PlantedFlaws;
import dev.assay.integration.api.InvitationsApi.Result;
import dev.assay.integration.internal.ReportLinks;
import dev.assay.invitation.InvitationView;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankCard;
import dev.assay.ranking.RankingService;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A candidate's result as integrations read it (the REST API and the Greenhouse endpoints): only once the assessment's
 * review is closed and the candidate was reviewed; before that, why not. Reads through the ranking and decision
 * services, which check the caller's scope.
 */
@Component
public class CandidateResults {

    /** Either the result and the submission it belongs to, or why there is none yet. */
    public record Outcome(Result result, long submissionId, String notReady) {
    }

    private final RankingService rankings;
    private final DecisionService decisions;
    private final ReportLinks reportLinks;

    CandidateResults(RankingService rankings, DecisionService decisions, ReportLinks reportLinks) {
        this.rankings = rankings;
        this.decisions = decisions;
        this.reportLinks = reportLinks;
    }

    public Outcome read(InvitationView v) {
        AssessmentRanking ranking = rankings.ranking(v.assessmentId(), RankingService.DEFAULT_CONFIDENCE);
        AssessmentRanking.Candidate c = ranking.candidates().stream()
                .filter(x -> x.candidateCode().equals(v.candidateCode())).findFirst().orElse(null);
        if (c == null) {
            return new Outcome(null, -1, "This candidate has no reviewed submission yet.");
        }
        if (!ranking.identitiesVisible()) {
            return new Outcome(null, c.submissionId(), "Results are available once the assessment's review is closed.");
        }
        Decision d = decisions.current(v.assessmentId()).get(c.submissionId());
        RankCard card = rankings.card(c.submissionId()).orElse(null);
        ReportLinks.Link report = reportLinks.issue(c.submissionId());
        List<PlantedFlaws> planted = card == null ? List.of() : card.flawChecks().stream()
                .map(f -> new PlantedFlaws(f.position() + 1, f.title(), f.result().flaws().size(), f.result().found(),
                        f.result().categoryMatches(), f.result().falseAlarms().size(), f.result().recall(),
                        f.result().precision()))
                .toList();
        List<AssistantFlaws> assisted = card == null ? List.of() : card.collaborations().stream()
                .map(x -> new AssistantFlaws(x.position() + 1, x.title(), x.evidence().served(), x.evidence().corrected(),
                        x.evidence().reached(), x.evidence().turns()))
                .toList();
        return new Outcome(new Result(v.id(), v.candidateCode(), c.band() == 0 ? null : c.band(), c.position(),
                ranking.candidates().size(), c.adjusted(), finite(c.adjustedSe()), c.raw(), finite(c.rawSe()),
                c.adjustedBySeverity(), c.reviews(), c.criterionMeans(), planted, assisted,
                d == null ? null : d.outcome().name().toLowerCase(Locale.ROOT), d == null ? null : d.reason(),
                d == null ? null : d.decidedAt().toString(), report.url(), report.expiresAt().toString()),
                c.submissionId(), null);
    }

    /** The portal's public address, without a trailing slash. */
    public String publicUrl() {
        return reportLinks.publicUrl();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
