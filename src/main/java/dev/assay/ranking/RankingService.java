package dev.assay.ranking;

import dev.assay.assistant.TextEmbedder;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.decision.DecisionService;
import dev.assay.review.CollaborationEvidence;
import dev.assay.review.FlagCheck;
import dev.assay.review.ReviewException;
import dev.assay.review.ScoredSubmission;
import dev.assay.review.port.ScoredWork;
import dev.assay.taskbank.TaskVersionView;
import dev.assay.taskbank.port.TaskVersions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recruiter's ranking, analytics and rank cards. They are read from the assessment's stored snapshot,
 * which is recomputed after every change to the scores (in the background) and before a read that finds it
 * older than the scores (on the spot), so every read reflects the latest submitted reviews. Candidates'
 * names and emails are added when read, and only once the review is closed.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('RECRUITER')")
public class RankingService {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final RankingSnapshots snapshots;
    private final RankingComputation computation;
    private final ScoredWork work;
    private final SubmittedWork attempts;
    private final TaskVersions tasks;

    private final TextEmbedder embedder;
    private final DecisionService decisions;
    private final dev.assay.invitation.InvitationService invitationService;

    private final dev.assay.decision.port.DecisionRecords decisionRecords;
    private final java.time.Clock clock;

    RankingService(RankingSnapshots snapshots, RankingComputation computation, ScoredWork work,
            SubmittedWork attempts, TaskVersions tasks, TextEmbedder embedder, DecisionService decisions,
            dev.assay.invitation.InvitationService invitationService,
            dev.assay.decision.port.DecisionRecords decisionRecords, java.time.Clock clock) {
        this.decisionRecords = decisionRecords;
        this.clock = clock;
        this.invitationService = invitationService;
        this.embedder = embedder;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.computation = computation;
        this.work = work;
        this.attempts = attempts;
        this.tasks = tasks;
    }

    /** The assessment a submission belongs to, for addressing its rank card. */
    public long assessmentOf(long submissionId) {
        return work.assessmentOf(submissionId)
                .orElseThrow(() -> new ReviewException("This submission no longer exists."));
    }

    /**
     * The ranking as CSV, with the assistant's evidence for candidates who had an AI-collaboration task and the
     * recruiters' current decisions.
     */
    public String csv(long assessmentId, double confidence) {
        return RankingCsv.write(ranking(assessmentId, confidence), work.collaborationSummaries(assessmentId),
                decisions.current(assessmentId));
    }

    /** The ranking at {@code confidence}: from the snapshot at the default, computed afresh at any other. */

    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read')")
    public AssessmentRanking ranking(long assessmentId, double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("Confidence must be between 0.5 and 1");
        }
        AssessmentRanking ranking = confidence == DEFAULT_CONFIDENCE ? snapshots.current(assessmentId).ranking()
                : computation.ranking(assessmentId, confidence);
        return withIdentities(assessmentId, ranking);
    }

    /**
     * The many-facet Rasch analysis beside the linear model: candidate measures with fair averages, reviewer severity
     * and fit. Computed on request (it is not part of the snapshot); candidates appear by code.
     */
    public RaschView rasch(long assessmentId) {
        return computation.rasch(assessmentId);
    }

    /** Reliability per criterion and overall, the linking set's ICC, and per-reviewer statistics. */
    public PanelAnalytics analytics(long assessmentId) {
        return snapshots.current(assessmentId).analytics();
    }

    /**
     * One candidate's rank card; empty when the submission has no submitted review yet. The figures come from
     * the snapshot; the candidate's answers and the reviewers' comments are read for this one submission.
     */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read')")
    public Optional<RankCard> card(long submissionId) {
        long assessmentId = assessmentOf(submissionId);
        RankingSnapshot snapshot = snapshots.current(assessmentId);
        AssessmentRanking ranking = withIdentities(assessmentId, snapshot.ranking());
        Optional<AssessmentRanking.Candidate> found = ranking.candidates().stream()
                .filter(c -> c.submissionId() == submissionId).findFirst();
        RankingSnapshot.CardFigures figures = snapshot.cards().get(submissionId);
        Optional<ScoredSubmission> scored = work.scored(submissionId);
        if (found.isEmpty() || figures == null || scored.isEmpty()) {
            return Optional.empty();
        }
        AssessmentRanking.Candidate candidate = found.get();
        // Contributions: each criterion's share of the weight among the criteria this candidate was scored on.
        double scoredShare = ranking.criteria().stream().filter(k -> candidate.criterionMeans().containsKey(k.key()))
                .mapToDouble(AssessmentRanking.Criterion::weightShare).sum();
        List<RankCard.Contribution> contributions = new ArrayList<>();
        for (AssessmentRanking.Criterion k : ranking.criteria()) {
            Double mean = candidate.criterionMeans().get(k.key());
            contributions.add(new RankCard.Contribution(k.key(), k.name(), k.weightShare(), mean,
                    mean == null || scoredShare == 0 ? null : mean * k.weightShare() / scoredShare));
        }
        SubmittedResponse response = attempts.response(figures.attemptId());
        List<RankCard.TaskScore> taskScores = new ArrayList<>();
        List<RankCard.FlawCheck> flawChecks = new ArrayList<>();
        List<RankCard.Collaboration> collaborations = new ArrayList<>();
        for (SubmittedResponse.TaskResponse t : response.tasks()) {
            TaskVersionView version = tasks.version(t.taskVersionId());
            taskScores.add(new RankCard.TaskScore(t.position(), version.content().title(), version.kind().label(),
                    figures.taskMeans().get(t.position())));
            FlagCheck check = FlagCheck.of(version, t.answer());
            if (check != null) {
                flawChecks.add(new RankCard.FlawCheck(t.position(), version.content().title(), check));
            }
            CollaborationEvidence evidence = CollaborationEvidence.of(version.content().collaboration(), t.answer(),
                    t.transcript(), embedder);
            if (evidence != null) {
                collaborations.add(new RankCard.Collaboration(t.position(), version.content().title(), evidence));
            }
        }
        Map<Long, AssessmentRanking.Reviewer> severities = new HashMap<>();
        ranking.reviewers().forEach(r -> severities.put(r.reviewerId(), r));
        List<RankCard.ReviewerScore> reviewers = new ArrayList<>();
        for (ScoredSubmission.ReviewerScores r : scored.get().reviews()) {
            double raw = figures.reviewerRaw().getOrDefault(r.reviewerId(), Double.NaN);
            AssessmentRanking.Reviewer panelist = severities.get(r.reviewerId());
            Double severity = panelist == null ? null : panelist.severity();
            reviewers.add(new RankCard.ReviewerScore(r.reviewerName(), raw, severity,
                    severity == null ? raw : raw + severity, r.revision(), r.overallComment()));
        }
        Map<String, String> criterionNames = new HashMap<>();
        ranking.criteria().forEach(k -> criterionNames.put(k.key(), k.name()));
        ScoredSubmission s = scored.get();
        List<String> agreed = s.reconciled().stream().map(c -> "Task " + (c.taskPosition() + 1) + " · "
                + criterionNames.getOrDefault(c.criterionKey(), c.criterionKey()) + ": level " + c.level()).toList();
        return Optional.of(new RankCard(assessmentId, ranking.assessmentTitle(), candidate,
                ranking.candidates().size(), ranking.bandCount(), ranking.confidence(), contributions, taskScores,
                reviewers, flawChecks, response.tasks().stream().map(SubmittedResponse.TaskResponse::signals).toList(),
                new RankCard.Reconciliation(s.flagged(), s.resolution() == null ? null : s.resolution().label(),
                        s.resolutionReason(), agreed), collaborations));
    }

    /**
     * The rank card as a PDF ({@link RankCardPdf}); empty when {@link #card} is. Open to recruiters, to API keys with
     * the read scope, and to a signed report link for this one submission (the link's filter grants the request the
     * authority {@code REPORT_<submissionId>} and nothing else).
     */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read') or hasAuthority('REPORT_' + #submissionId)")
    public Optional<byte[]> cardPdf(long submissionId) {
        return card(submissionId).map(found -> RankCardPdf.render(found, decisionRecords.history(submissionId),
                clock.instant()));
    }

    /**
     * {@link #cardPdf} for integrations, which see results only once the assessment's review is closed (as the API's
     * results do): empty while it is open.
     */
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read') or hasAuthority('REPORT_' + #submissionId)")
    public Optional<byte[]> closedCardPdf(long submissionId) {
        return work.reviewClosed(assessmentOf(submissionId)) ? cardPdf(submissionId) : Optional.empty();
    }

    /**
     * The explanation for one candidate (see {@link CandidateExplanation}); empty when the submission has no submitted
     * review yet.
     */
    public Optional<CandidateExplanation> explanation(long submissionId) {
        Optional<RankCard> found = card(submissionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RankCard card = found.get();
        AssessmentRanking ranking = snapshots.current(card.assessmentId()).ranking();
        List<CandidateExplanation.Criterion> criteria = new ArrayList<>();
        for (RankCard.Contribution k : card.criteria()) {
            double[] levels = ranking.candidates().stream().map(c -> c.criterionMeans().get(k.key()))
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
            if (levels.length == 0) {
                continue; // No task of this assessment scores the criterion.
            }
            boolean range = levels.length >= CandidateExplanation.MIN_RANGE;
            criteria.add(new CandidateExplanation.Criterion(k.name(), k.weightShare(), k.mean(),
                    range ? quantile(levels, 0.25) : null, range ? quantile(levels, 0.5) : null,
                    range ? quantile(levels, 0.75) : null));
        }
        List<dev.assay.decision.Decision> history = decisions.history(submissionId);
        dev.assay.decision.Decision current = history.isEmpty() ? null : history.getLast();
        AssessmentRanking.Candidate c = card.candidate();
        return Optional.of(new CandidateExplanation(submissionId, card.assessmentTitle(), c.label(), !c.complete(),
                card.tasks().stream().map(t -> new CandidateExplanation.Task(t.title(), t.kind())).toList(),
                List.copyOf(criteria), c.reviews(), c.raw(), c.adjusted(), c.adjustedBySeverity(), c.band(),
                card.bands(), card.candidates(), card.confidence(), current == null ? null
                        : new CandidateExplanation.Decision(current.outcome().label(), current.decidedAt(),
                                current.reason())));
    }

    /**
     * Queues the outcome message for the selected candidates (see
     * {@link dev.assay.invitation.InvitationService#queueOutcomeMessages}). Only once the review is closed, and only
     * for candidates who all have the current decision the message is about, so a message cannot reach someone it
     * does not describe.
     */
    @Transactional
    public int tellCandidates(long assessmentId, java.util.Collection<Long> submissionIds,
            dev.assay.decision.Outcome outcome, String subject, String body) {
        if (!work.reviewClosed(assessmentId)) {
            throw new ReviewException("Close the review first: candidates are told only once it is final.");
        }
        Map<Long, dev.assay.decision.Decision> current = decisions.current(assessmentId);
        long mismatched = submissionIds.stream().filter(id -> current.get(id) == null
                || current.get(id).outcome() != outcome).count();
        if (mismatched > 0) {
            throw new ReviewException(mismatched + (mismatched == 1 ? " selected candidate does" : " selected candidates do")
                    + " not have the decision " + outcome.label().toLowerCase(java.util.Locale.ROOT)
                    + "; select only candidates with that decision.");
        }
        Map<Long, ScoredWork.Intake> intakes = work.intakes(assessmentId);
        List<Long> invitations = submissionIds.stream().map(intakes::get).filter(java.util.Objects::nonNull)
                .map(ScoredWork.Intake::invitationId).toList();
        return invitationService.queueOutcomeMessages(assessmentId, invitations, subject, body);
    }

    /** The p-quantile of sorted values, interpolating between neighbours (Hyndman and Fan's type 7, R's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The ranking with names and emails once the review is closed; codes only before. */
    private AssessmentRanking withIdentities(long assessmentId, AssessmentRanking ranking) {
        if (!ranking.identitiesVisible()) {
            return ranking;
        }
        Map<Long, ScoredWork.Identity> people = work.identities(assessmentId);
        List<AssessmentRanking.Candidate> named = ranking.candidates().stream().map(c -> {
            ScoredWork.Identity who = people.get(c.submissionId());
            return who == null ? c : new AssessmentRanking.Candidate(c.submissionId(), c.candidateCode(), who.name(),
                    who.email(), c.band(), c.position(), c.raw(), c.rawSe(), c.adjusted(), c.adjustedSe(),
                    c.adjustedBySeverity(), c.reviews(), c.pendingReviews(), c.criterionMeans(), c.flagged(),
                    c.resolution());
        }).toList();
        return new AssessmentRanking(ranking.assessmentId(), ranking.assessmentTitle(), ranking.identitiesVisible(),
                ranking.confidence(), ranking.criteria(), named, ranking.reviewers(), ranking.severityEstimated(),
                ranking.severityNote(), ranking.unscored());
    }
}
