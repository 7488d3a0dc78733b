package dev.assay.review;

import dev.assay.attempt.Answer;
import dev.assay.attempt.AttemptService;
import dev.assay.attempt.CandidateSession;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.DefaultCompetencyModel;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleDetail;
import dev.assay.taskbank.SlotSpec;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskDetail;
import dev.assay.taskbank.TaskSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds review scenarios through the real services: an open assessment with one task of each kind
 * (workflow-thinking, automation-instinct and ai-critique criteria), reviewers, and candidates who
 * submitted through the candidate flow.
 */
@Component
public class ReviewFixtures {

    private static final String PAGE = "fixture-page";

    /** A candidate who submitted: who they are, and their invitation. */
    public record Submitted(String name, String email, long invitationId, String code) {
    }

    private final JobRoleService roles;
    private final TaskBankService bank;
    private final AssessmentService assessments;
    private final InvitationService invitations;
    private final AttemptService attempts;
    private final StaffService staff;
    private final ReviewService reviews;
    private final JdbcTemplate jdbc;

    ReviewFixtures(JobRoleService roles, TaskBankService bank, AssessmentService assessments,
            InvitationService invitations, AttemptService attempts, StaffService staff, ReviewService reviews,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.bank = bank;
        this.assessments = assessments;
        this.invitations = invitations;
        this.attempts = attempts;
        this.staff = staff;
        this.reviews = reviews;
    }

    /** The reviewer submits a complete scorecard: this level on every criterion of every task. */
    public ScoringSheet scoreAll(StaffMember reviewer, long assignmentId, int level, String comment) {
        return as(reviewer, () -> {
            ScoringSheet sheet = reviews.sheet(assignmentId);
            java.util.List<ScoreCell> cells = new java.util.ArrayList<>();
            sheet.tasks().forEach(t -> t.criterionKeys().forEach(k -> cells.add(
                    new ScoreCell(t.position(), k, level, "Evidence noted."))));
            return reviews.submit(assignmentId, new ScorecardInput(cells, comment), sheet.version(), null);
        });
    }

    static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public AssessmentView assessment() {
        return recruiter(() -> {
            RoleDetail role = roles.create("Review Role " + id(), "A role.", DefaultCompetencyModel.criteria());
            List<SlotSpec> slots = List.of(SlotSpec.fixed(publish(TaskSamples.workflow("Flow " + id(), role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.automation("Week " + id(), role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.critique("Memo " + id(), role.key()))));
            AssessmentView a = assessments.create(new AssessmentSpec("Review screen " + id(), role.id(), 60, "Welcome.",
                    false, slots));
            return assessments.open(a.id());
        });
    }

    /** An open assessment with a workflow task and an AI-collaboration task. */
    public AssessmentView collaborationAssessment() {
        return recruiter(() -> {
            RoleDetail role = roles.create("Collab Review Role " + id(), "A role.", DefaultCompetencyModel.criteria());
            List<SlotSpec> slots = List.of(SlotSpec.fixed(publish(TaskSamples.workflow("Flow " + id(), role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.collaboration("Summary " + id(), role.key()))));
            AssessmentView a = assessments.create(new AssessmentSpec("Collab review " + id(), role.id(), 60,
                    "Welcome.", false, slots));
            return assessments.open(a.id());
        });
    }

    private long publish(TaskContent content) {
        TaskDetail d = bank.create(content.kind(), content);
        return bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
    }

    public StaffMember reviewer(String name) {
        return StaffFixtures.create(staff, name, StaffRole.REVIEWER).member();
    }

    /** Invites a candidate, who starts, answers every task (flagging memo segments 1 and 3) and submits. */
    public Submitted submit(AssessmentView assessment, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + id() + "@candidates.example";
        IssuedInvitation issued = recruiter(() -> invitations.invite(assessment.id(),
                new NewInvitation(name, email, 0, Instant.now().plus(Duration.ofDays(3)))));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        complete(token, issued.invitation().id());
        return new Submitted(name, email, issued.invitation().id(), issued.invitation().candidateCode());
    }

    /** The candidate behind a link answers every task and submits; returns once review has taken the work in. */
    public void complete(String token, long invitationId) {
        CandidateSession session = attempts.start(token, true);
        for (CandidateSession.CandidateTask t : session.tasks()) {
            Answer answer = switch (t.task().kind()) {
                case WORKFLOW_DESIGN -> new Answer(new Answer.Workflow(List.of(new Answer.Step("Pull the numbers",
                        Answer.Actor.AUTOMATION, "CRM", "Table", "Totals match", "Saves an hour")), "Bad data."), null, null);
                case AUTOMATION_PLAN -> new Answer(null, new Answer.Automation(List.of(0), "A weekly job.", "Alert me.",
                        "No personal data.", "I send it."), null);
                case AI_OUTPUT_CRITIQUE -> new Answer(null, null, new Answer.Critique(List.of(
                        new Answer.Flag(1, FlawCategory.WRONG_CALCULATION, "120/100 is 20%."),
                        new Answer.Flag(3, FlawCategory.MISSING_CAVEAT, "No basis for a forecast.")),
                        "Sales grew 20%.", Answer.Verdict.FIT_AFTER_FIXES, "Fix the figure."));
                case AI_COLLABORATION -> {
                    // Asks the assistant for its draft and hands the draft in as it is.
                    String draft = attempts.ask(token, PAGE, t.position(), t.task().versionId(),
                            "Draft the summary for the sales director").reply();
                    yield new Answer(null, null, null, new Answer.Collaboration(draft, "I read it through."));
                }
            };
            attempts.save(token, PAGE, t.position(), answer);
        }
        attempts.submit(token, PAGE);
        awaitIntake(invitationId);
    }

    /**
     * The review module takes a submission in after the candidate's transaction commits, on a thread of its
     * own (the event publication registry); scenarios go on once it has.
     */
    private void awaitIntake(long invitationId) {
        for (int i = 0; i < 200; i++) {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM review_submission WHERE invitation_id = ?",
                    Integer.class, invitationId);
            if (n != null && n > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Invitation " + invitationId + " was submitted but not taken into review");
    }

    public static <T> T recruiter(Supplier<T> work) {
        return SystemAuthentication.callAs("RECRUITER", work);
    }

    /** Runs work signed in as this staff member, with their roles, as the web session would be. */
    public static <T> T as(StaffMember member, Supplier<T> work) {
        return StaffFixtures.as(member, work);
    }

    public static void as(StaffMember member, Runnable work) {
        as(member, () -> {
            work.run();
            return null;
        });
    }
}
