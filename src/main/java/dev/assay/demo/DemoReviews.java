package dev.assay.demo;

import dev.assay.attempt.Answer;
import dev.assay.attempt.AttemptService;
import dev.assay.attempt.CandidateSession;
import dev.assay.attempt.SelfIdentification;
import dev.assay.base.SystemAuthentication;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
import dev.assay.review.CalibrationService;
import dev.assay.review.PanelRules;
import dev.assay.review.PanelService;
import dev.assay.review.ReviewService;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardInput;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffService;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for review: five candidates who have submitted the demo assessment through the real candidate
 * flow, with answers of different quality, and a panel of three reviewers with two reviews per submission,
 * so each demo reviewer finds work in their queue; and a second, finished round of 40 scored candidates
 * for the ranking. Everything goes through the real services.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "assay.demo-data.enabled", havingValue = "true")
class DemoReviews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);
    /** The demo candidates answer through the real candidate flow, as one browser page each. */
    private static final String PAGE = "demo-page";
    static final String DEMO_ASSESSMENT = "Data Analyst — AI-first work sample";

    private record Candidate(String name, String email, int quality) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("Amara Okafor", "amara.okafor@candidates.example", 3),
            new Candidate("Jonas Becker", "jonas.becker@candidates.example", 1),
            new Candidate("Priya Raman", "priya.raman@candidates.example", 2),
            new Candidate("Lucas Moreau", "lucas.moreau@candidates.example", 2),
            new Candidate("Sofia Lindqvist", "sofia.lindqvist@candidates.example", 3));

    private final InvitationService invitations;
    private final AttemptService attempts;
    private final AssessmentService assessments;
    private final PanelService panelService;
    private final StaffService staff;
    private final ReviewService reviews;
    private final Clock clock;
    private final RankingService rankings;
    private final DecisionService decisions;
    private final CalibrationService calibration;

    DemoReviews(InvitationService invitations, AttemptService attempts,
            AssessmentService assessments, PanelService panelService, StaffService staff,
            ReviewService reviews, Clock clock, RankingService rankings, DecisionService decisions,
            CalibrationService calibration) {
        this.calibration = calibration;
        this.rankings = rankings;
        this.decisions = decisions;
        this.invitations = invitations;
        this.attempts = attempts;
        this.assessments = assessments;
        this.panelService = panelService;
        this.staff = staff;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AssessmentSummary demo = SystemAuthentication.callAs("RECRUITER", () -> assessments.list()).stream()
                .filter(a -> a.title().equals(DEMO_ASSESSMENT)).findFirst().orElse(null);
        // Once: the demo assessment has candidates from an earlier start.
        if (demo == null || SystemAuthentication.callAs("RECRUITER", () -> invitations.count(demo.id(), null, null)) > 0) {
            return;
        }
        for (Candidate c : CANDIDATES) {
            IssuedInvitation issued = SystemAuthentication.callAs("RECRUITER", () -> invitations.invite(demo.id(),
                    new NewInvitation(c.name(), c.email(), 0, clock.instant().plus(Duration.ofDays(14)))));
            String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
            CandidateSession session = attempts.start(token, true);
            for (CandidateSession.CandidateTask task : session.tasks()) {
                attempts.save(token, PAGE, task.position(), task.task().kind() == TaskKind.AI_COLLABORATION
                        ? collaborate(token, task, c.quality()) : answer(task.task().content(), c.quality()));
                attempts.recordSignals(token, task.position(), 600 + 300 * c.quality() + 37 * task.position(),
                        c.quality() == 1 ? 3 : task.position() % 2, c.quality() == 1 ? 1_400 : 80 * (task.position() % 2),
                        c.quality() == 1 ? 4 : 1);
            }
            attempts.submit(token, PAGE);
        }
        Set<String> panelEmails = Set.of("vera@assay.example", "victor@assay.example", "wen@assay.example");
        Set<Long> members = SystemAuthentication.callAs("RECRUITER", () -> staff.reviewers()).stream()
                .filter(m -> panelEmails.contains(m.email())).map(StaffMember::id).collect(Collectors.toSet());
        if (members.size() < 2) {
            return;
        }
        int assigned = SystemAuthentication.callAs("RECRUITER",
                () -> panelService.savePanel(demo.id(), members, 2, 0, 5, -1));
        log.info("Demo review: {} candidates submitted, {} reviews assigned to the panel", CANDIDATES.size(), assigned);
        scoredRound(demo.id());
        calibrationSet(demo.id(), members);
    }

    /**
     * A calibration set for the live demo assessment from the reviewed round: its strongest, middle and weakest
     * reviewed submissions, with the keys the panel's levels suggest and a rationale naming the anchor. The panel
     * escalates disagreements; calibration is not required, so the demo reviewers keep their queues (a recruiter can
     * require it on the review board and see the gate).
     */
    private void calibrationSet(long demoId, Set<Long> members) {
        SystemAuthentication.runAs("RECRUITER", () -> {
            List<CalibrationService.Source> sources = new ArrayList<>(calibration.sources(demoId));
            if (sources.size() < 3) {
                return;
            }
            sources.sort(java.util.Comparator.comparingDouble(CalibrationService.Source::meanLevel).reversed());
            for (CalibrationService.Source s : List.of(sources.getFirst(), sources.get(sources.size() / 2),
                    sources.getLast())) {
                List<CalibrationService.KeyCell> key = calibration.suggestedKey(s.submissionId()).stream()
                        .map(k -> new CalibrationService.KeyCell(k.taskPosition(), k.criterionKey(), k.describe(),
                                k.level(), k.level() >= 4 ? "The autumn panel agreed: the answer does what the upper "
                                        + "anchors describe, with checks named." : k.level() <= 2
                                        ? "The autumn panel agreed: the answer stops at what the lower anchors describe."
                                        : "The autumn panel agreed: sound in places, but the checks the upper anchors "
                                                + "ask for are missing."))
                        .toList();
                calibration.addItem(demoId, s.submissionId(), key);
            }
            var setup = panelService.setup(demoId);
            panelService.savePanel(demoId, members, setup.reviewsPerSubmission(), setup.linkingCount(),
                    setup.dueDays(), new PanelRules(true, false, 80, 3, 0), setup.version());
            log.info("Demo review: a calibration set of 3 examples for the live assessment; escalation on");
        });
    }

    static final String SCORED_ROUND = "Data Analyst — autumn round (reviewed)";
    private static final String[] FIRST = {"Aiko", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana",
            "Ines", "Jamal", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samir", "Tove"};
    private static final String[] LAST = {"Adeyemi", "Novak", "Rossi", "Ivanova", "Kaya", "Haddad"};

    /**
     * A finished round for the ranking and analytics: 40 candidates, a panel of five with one deliberately
     * harsh reviewer (Wilma scores about one level lower), a linking set of 5 scored by everyone, two
     * reviews for everyone else, and the review closed so names show.
     */
    private void scoredRound(long templateId) {
        var template = SystemAuthentication.callAs("RECRUITER", () -> assessments.get(templateId));
        var spec = template.spec();
        long roundId = SystemAuthentication.callAs("RECRUITER", () -> {
            var created = assessments.create(new AssessmentSpec(SCORED_ROUND, spec.roleId(),
                    spec.totalMinutes(), spec.intro(), spec.accommodationsAllowed(), spec.slots()));
            return assessments.open(created.id()).id();
        });
        SplittableRandom random = new SplittableRandom(2026);
        SplittableRandom answering = new SplittableRandom(144);
        Map<String, Double> quality = new HashMap<>();
        Set<String> women = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            String name = FIRST[i % FIRST.length] + " " + LAST[(i * 7 + i / FIRST.length) % LAST.length];
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + i + "@candidates.example";
            double q = 1.8 + 2.8 * random.nextDouble();
            IssuedInvitation issued = SystemAuthentication.callAs("RECRUITER", () -> invitations.invite(roundId,
                    new NewInvitation(name, email, 0, clock.instant().plus(Duration.ofDays(14)))));
            String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
            CandidateSession session = attempts.start(token, true);
            int answerQuality = q < 2.7 ? 1 : q < 3.6 ? 2 : 3;
            for (CandidateSession.CandidateTask task : session.tasks()) {
                attempts.save(token, PAGE, task.position(), task.task().kind() == TaskKind.AI_COLLABORATION
                        ? collaborate(token, task, answerQuality) : answer(task.task().content(), answerQuality));
                int pastes = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
                attempts.recordSignals(token, task.position(), 900 + random.nextInt(1500), pastes,
                        pastes == 0 ? 0 : 40 + random.nextInt(500), random.nextInt(4));
            }
            attempts.submit(token, PAGE);
            quality.put(issued.invitation().candidateCode(), q);
            SelfIdentification answers = selfIdentification(answering);
            if (answers != null) {
                attempts.selfIdentify(token, answers);
                if (answers.sex() == SelfIdentification.Sex.FEMALE) {
                    women.add(issued.invitation().candidateCode());
                }
            }
        }
        List<StaffMember> reviewers = SystemAuthentication.callAs("RECRUITER", () -> staff.reviewers()).stream()
                .filter(m -> m.email().endsWith("@assay.example")).toList();
        if (reviewers.size() < 2) {
            return;
        }
        SystemAuthentication.callAs("RECRUITER", () -> panelService.savePanel(roundId,
                reviewers.stream().map(StaffMember::id).collect(Collectors.toSet()), 2, 5, 7, -1));
        for (StaffMember reviewer : reviewers) {
            double severity = reviewer.email().startsWith("wilma@") ? 1.0 : 0.15 * (random.nextDouble() - 0.5);
            SystemAuthentication.runAs("SYSTEM", () -> staff.callAsStaff(reviewer.id(), () -> {
                for (var item : reviews.queue()) {
                    Double q = quality.get(item.candidateCode());
                    if (q == null || item.done()) {
                        continue;
                    }
                    var sheet = reviews.sheet(item.assignmentId());
                    List<ScoreCell> cells = new ArrayList<>();
                    for (var t : sheet.tasks()) {
                        for (String key : t.criterionKeys()) {
                            // The panel reads "Clarity of communication" a level lower for women than the
                            // work warrants: the gap the adverse-impact monitor should find on that criterion.
                            double gap = key.equals("communication") && women.contains(item.candidateCode()) ? 0.9 : 0;
                            int level = (int) Math.max(1, Math.min(5, Math.round(q - severity - gap
                                    + 0.9 * (random.nextDouble() - 0.5))));
                            cells.add(new ScoreCell(t.position(), key, level,
                                    level == 1 || level == 5 ? "Clear evidence in the answer for this level." : ""));
                        }
                    }
                    reviews.submit(item.assignmentId(), new ScorecardInput(cells,
                            q > 3.6 ? "Strong, well-checked work; would move forward."
                                    : q > 2.7 ? "Solid in places; probe the automation plan in interview."
                                            : "Thin reasoning and missed checks."), sheet.version(), null);
                }
                return null;
            }));
        }
        SystemAuthentication.runAs("RECRUITER", () -> panelService.closeReview(roundId));
        decide(roundId);
        log.info("Demo review: a closed round of 40 scored candidates for the ranking, with Rhea's decisions");
    }

    /**
     * A candidate's voluntary answers, drawn roughly as a US applicant pool answers: most answer both questions,
     * a few prefer not to say, and about one in fifteen does not answer at all (null).
     */
    private static SelfIdentification selfIdentification(SplittableRandom r) {
        if (r.nextInt(15) == 0) {
            return null;
        }
        double s = r.nextDouble();
        SelfIdentification.Sex sex = s < 0.47 ? SelfIdentification.Sex.FEMALE : s < 0.94 ? SelfIdentification.Sex.MALE
                : s < 0.96 ? SelfIdentification.Sex.ANOTHER : SelfIdentification.Sex.DECLINED;
        double e = r.nextDouble();
        SelfIdentification.RaceEthnicity race = e < 0.36 ? SelfIdentification.RaceEthnicity.WHITE
                : e < 0.56 ? SelfIdentification.RaceEthnicity.ASIAN
                : e < 0.72 ? SelfIdentification.RaceEthnicity.HISPANIC_OR_LATINO
                : e < 0.86 ? SelfIdentification.RaceEthnicity.BLACK_OR_AFRICAN_AMERICAN
                : e < 0.91 ? SelfIdentification.RaceEthnicity.TWO_OR_MORE
                : e < 0.93 ? SelfIdentification.RaceEthnicity.AMERICAN_INDIAN_OR_ALASKA_NATIVE
                : SelfIdentification.RaceEthnicity.DECLINED;
        return new SelfIdentification(sex, race);
    }

    /**
     * Rhea, a recruiter, decides on the closed round from its ranking, as a person would: the top ten advance,
     * the next eight wait, the rest are declined but for four she has not got to yet.
     */
    private void decide(long roundId) {
        StaffMember rhea = SystemAuthentication.callAs("ADMIN", () -> staff.list()).stream()
                .filter(m -> m.email().equals("rhea@assay.example")).findFirst().orElse(null);
        if (rhea == null) {
            return;
        }
        SystemAuthentication.runAs("SYSTEM", () -> staff.callAsStaff(rhea.id(), () -> {
            // A confidence other than the default computes the ranking afresh (the snapshot may still be on its way).
            List<Long> order = rankings.ranking(roundId, 0.9).candidates().stream()
                    .sorted(java.util.Comparator.comparingInt(AssessmentRanking.Candidate::position))
                    .map(AssessmentRanking.Candidate::submissionId).toList();
            int n = order.size();
            decisions.record(roundId, order.subList(0, Math.min(10, n)), Outcome.ADVANCE,
                    "Strong across the rubric; invite to the first interview.");
            if (n > 10) {
                decisions.record(roundId, order.subList(10, Math.min(18, n)), Outcome.HOLD,
                        "Close to the line; revisit after the first interviews.");
            }
            if (n > 22) {
                decisions.record(roundId, order.subList(18, n - 4), Outcome.DECLINE,
                        "Below the bar on automation and critique for this round.");
            }
            return null;
        }));
    }

    /** A plausible answer; quality 1 (thin) to 3 (thorough). */
    static Answer answer(TaskContent content, int quality) {
        return switch (content.kind()) {
            case WORKFLOW_DESIGN -> workflow(quality);
            case AUTOMATION_PLAN -> automation(content.automation(), quality);
            case AI_OUTPUT_CRITIQUE -> critique(content.critique(), quality);
            case AI_COLLABORATION -> new Answer(null, null, null, new Answer.Collaboration("", ""));
        };
    }

    /**
     * Works an AI-collaboration task as a candidate of the given quality would, through the real assistant: asks
     * for the main draft (the reply with the most planted flaws); the weakest hands it in as it is; stronger
     * candidates ask the assistant to check, fix the wrong figures they catch, and (the strongest) every flaw
     * with a short correction.
     */
    private Answer collaborate(String token, CandidateSession.CandidateTask task, int quality) {
        TaskContent.AiCollaboration c = task.task().content().collaboration();
        long version = task.task().versionId();
        List<TaskContent.Intent> intents = c.assistant().intents();
        TaskContent.Intent draft = intents.stream()
                .max(java.util.Comparator.comparingInt((TaskContent.Intent i) -> i.flaws().size())).orElseThrow();
        String deliverable = attempts.ask(token, PAGE, task.position(), version, draft.examples().getFirst()).reply();
        if (quality > 1) {
            intents.stream().filter(i -> i.key().contains("verif") || i.key().contains("check")).findFirst()
                    .ifPresent(i -> attempts.ask(token, PAGE, task.position(), version, i.examples().getFirst()));
            for (TaskContent.ReplyFlaw flaw : draft.flaws()) {
                boolean fix = quality > 2 || flaw.category() == dev.assay.taskbank.FlawCategory.WRONG_CALCULATION;
                if (fix && !flaw.correction().isBlank() && flaw.correction().length() <= 40) {
                    deliverable = deliverable.replace(flaw.text(), flaw.correction());
                }
            }
        }
        String checks = switch (quality) {
            case 1 -> "The assistant's draft read well, so I used it.";
            case 2 -> "I asked the assistant to check its figures and recomputed the headline figure from the table; "
                    + "it was wrong in the first draft, so I corrected it.";
            default -> "I recomputed every figure from the materials, asked the assistant to verify them, and removed "
                    + "claims the materials do not support.";
        };
        return new Answer(null, null, null, new Answer.Collaboration(deliverable, checks));
    }

    private static Answer workflow(int quality) {
        List<Answer.Step> steps = new ArrayList<>();
        steps.add(new Answer.Step("Pull last week's raw export and check row counts against the source system",
                Answer.Actor.AUTOMATION, "Warehouse export", "Validated extract", quality > 1 ? "Counts match within 0.5%" : "",
                quality > 1 ? "Bad input would silently skew every later number." : ""));
        steps.add(new Answer.Step("Ask the AI assistant to draft the summary tables and a first commentary",
                Answer.Actor.AI_ASSISTANT, "Validated extract", "Draft tables and commentary", "", ""));
        if (quality > 1) {
            steps.add(new Answer.Step("Recompute the three headline figures by hand and compare with the draft",
                    Answer.Actor.HUMAN, "Draft tables", "Checked figures", "Any difference stops the release",
                    "AI drafts are fast but can misstate figures; the headline numbers carry the decision."));
        }
        if (quality > 2) {
            steps.add(new Answer.Step("Remove customer identifiers before anything leaves the team",
                    Answer.Actor.HUMAN_AND_AI, "Checked report", "Shareable report", "Privacy checklist signed",
                    "The audience is wider than the data agreement allows."));
        }
        steps.add(new Answer.Step("Send the report to the regional leads", Answer.Actor.HUMAN, "Report", "Sent email",
                "", ""));
        String risks = switch (quality) {
            case 1 -> "The AI could be wrong.";
            case 2 -> "The AI may misread the tables; I check the headline numbers myself before sending.";
            default -> "Main risks: wrong figures from the draft (caught by the recomputation step), personal data in "
                    + "the wider distribution (caught by the privacy step), and a late export (the first check flags "
                    + "it and I tell the leads before they ask).";
        };
        return new Answer(new Answer.Workflow(steps, risks), null, null);
    }

    private static Answer automation(TaskContent.AutomationPlan plan, int quality) {
        List<Integer> repetitive = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        List<TaskContent.WorkLogEntry> log = plan == null ? List.of() : plan.workLog();
        for (int i = 0; i < log.size(); i++) {
            (log.get(i).repetitive() ? repetitive : other).add(i);
        }
        List<Integer> ranked = new ArrayList<>(repetitive.subList(0, Math.min(repetitive.size(), quality)));
        if (quality == 1 && !other.isEmpty()) {
            ranked.add(other.getFirst());
        }
        String spec = quality == 1 ? "Use a script to do it automatically."
                : "Every Monday at 07:00, a scheduled job pulls the export, fills the standard template and posts a "
                        + "draft for review. Input: the export file. Output: the filled template. "
                        + (quality > 2 ? "It refuses to run if the export has fewer rows than last week minus 10%." : "");
        // Stronger candidates estimate every saving; the weakest guesses one and leaves the rest.
        java.util.Map<Integer, String> savings = new java.util.TreeMap<>();
        for (int r = 0; r < ranked.size(); r++) {
            if (quality > 1 || r == 0) {
                savings.put(ranked.get(r), Math.max(10, log.get(ranked.get(r)).minutes() * 3 / 4) + " min");
            }
        }
        return new Answer(null, new Answer.Automation(ranked, savings, spec,
                quality == 1 ? "" : "If the job fails it emails me and the old manual steps still work.",
                quality > 2 ? "Only aggregated figures leave the warehouse; no customer names in the template." : "",
                quality > 1 ? "I review the draft before it is sent; a person always presses send." : "",
                quality > 2 ? "The conversations with store managers about unusual weeks stay with a person: they "
                        + "need judgement and trust, and a summary would lose what they are really saying." : ""), null);
    }

    private static Answer critique(TaskContent.AiCritique task, int quality) {
        List<Answer.Flag> flags = new ArrayList<>();
        List<TaskContent.PlantedFlaw> flaws = task == null ? List.of() : task.flaws();
        int found = Math.min(flaws.size(), quality + (quality == 3 ? 1 : 0));
        for (int i = 0; i < found; i++) {
            TaskContent.PlantedFlaw flaw = flaws.get(i);
            FlawCategory category = quality == 1 && i == 0 ? FlawCategory.OTHER : flaw.category();
            flags.add(new Answer.Flag(flaw.segments().getFirst(), category,
                    quality == 1 ? "Looks wrong." : "This does not follow from the figures in the prompt; it needs "
                            + "correcting before the memo goes out."));
        }
        if (task != null && quality < 3 && !task.segments().isEmpty()) {
            flags.add(new Answer.Flag(1, FlawCategory.TONE_UNFIT, "The opening feels too casual for executives."));
        }
        return new Answer(null, null, new Answer.Critique(flags,
                quality == 1 ? "" : "A corrected memo with the figures recomputed from the prompt and the caveats restored.",
                quality == 1 ? Answer.Verdict.FIT_TO_SEND : Answer.Verdict.FIT_AFTER_FIXES,
                quality == 1 ? "Mostly fine." : "Usable once the flagged figures and claims are corrected."));
    }
}
