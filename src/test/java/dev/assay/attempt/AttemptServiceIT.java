package dev.assay.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.attempt.internal.Attempt;
import dev.assay.attempt.internal.OverdueAttempts;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationStatus;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.support.DatabaseTest;
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
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class AttemptServiceIT extends DatabaseTest {

    private static final String PAGE = "test-page";

    @Autowired
    AttemptService attempts;

    @Autowired
    OverdueAttempts overdue;

    @Autowired
    InvitationService invitations;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    @Autowired
    JdbcClient jdbc;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long publish(TaskContent content) {
        TaskDetail d = bank.create(content.kind(), content);
        return bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
    }

    private AssessmentView assessment() {
        RoleDetail role = roles.create("Attempt Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        List<SlotSpec> slots = List.of(SlotSpec.fixed(publish(TaskSamples.workflow("Flow " + id(), role.key()))),
                SlotSpec.fixed(publish(TaskSamples.automation("Week " + id(), role.key()))),
                SlotSpec.fixed(publish(TaskSamples.critique("Memo " + id(), role.key()))));
        AssessmentView a = assessments.create(new AssessmentSpec("Screen " + id(), role.id(), 60, "Welcome.", true, slots));
        return assessments.open(a.id());
    }

    private static String token(IssuedInvitation issued) {
        return issued.link().substring(issued.link().lastIndexOf('/') + 1);
    }

    private IssuedInvitation invite(AssessmentView a, int accommodation) {
        return invitations.invite(a.id(), new NewInvitation("Cand " + id(), "cand." + id() + "@example.com",
                accommodation, Instant.now().plus(Duration.ofDays(3))));
    }

    private static Answer critiqueAnswer(String corrected) {
        return new Answer(null, null, new Answer.Critique(
                List.of(new Answer.Flag(1, FlawCategory.WRONG_CALCULATION, "120/100 is 20%.")), corrected,
                Answer.Verdict.FIT_AFTER_FIXES, "Fix the figure first."));
    }

    @Test
    void aCandidateStartsAfterConsentingFindsTheirWorkOnReopeningAndSubmits() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a, 25);
        String token = token(issued);

        CandidateSession ready = attempts.open(token);
        assertThat(ready.stage()).isEqualTo(CandidateSession.Stage.READY);
        assertThat(ready.allowedMinutes()).isEqualTo(75);
        assertThat(ready.brief().taskCount()).isEqualTo(3);
        assertThatThrownBy(() -> attempts.start(token, false)).hasMessageContaining("confirm");

        CandidateSession started = attempts.start(token, true);
        assertThat(started.stage()).isEqualTo(CandidateSession.Stage.IN_PROGRESS);
        assertThat(started.tasks()).extracting(t -> t.task().kind()).containsExactly(TaskKind.WORKFLOW_DESIGN,
                TaskKind.AUTOMATION_PLAN, TaskKind.AI_OUTPUT_CRITIQUE);
        assertThat(started.deadline()).isBetween(Instant.now().plus(Duration.ofMinutes(74)),
                Instant.now().plus(Duration.ofMinutes(76)));
        assertThat(invitations.list(a.id(), null, null, 0, 5).getFirst().status()).isEqualTo(InvitationStatus.STARTED);

        attempts.save(token, PAGE, 2, critiqueAnswer("Sales grew 20%."));
        attempts.moveTo(token, 2);
        CandidateSession reopened = attempts.open(token);
        assertThat(reopened.currentPosition()).isEqualTo(2);
        assertThat(reopened.tasks().get(2).answer().critique().corrected()).isEqualTo("Sales grew 20%.");
        assertThat(reopened.tasks().get(2).answer().critique().flags()).extracting(Answer.Flag::segment).containsExactly(1);
        assertThat(attempts.start(token, true).deadline()).as("starting again changes nothing")
                .isEqualTo(started.deadline());

        CandidateSession submitted = attempts.submit(token, PAGE);
        assertThat(submitted.stage()).isEqualTo(CandidateSession.Stage.SUBMITTED);
        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, critiqueAnswer("Changed later")))
                .hasMessageContaining("already submitted");
        assertThat(attempts.open(token).tasks().get(2).answer().critique().corrected()).isEqualTo("Sales grew 20%.");
        assertThat(invitations.list(a.id(), null, null, 0, 5).getFirst().status()).isEqualTo(InvitationStatus.SUBMITTED);
    }

    @Test
    void theCandidatePagesPeriodicCheckSaysWhetherTheAttemptIsInProgressAndWhichPageSavesIt() {
        AssessmentView a = assessment();
        String token = token(invite(a, 0));
        assertThat(attempts.pulse(token).inProgress()).as("not started").isFalse();
        assertThat(attempts.pulse("not-a-link").inProgress()).as("unknown link").isFalse();

        attempts.start(token, true);
        attempts.claim(token, "tab-one");
        assertThat(attempts.pulse(token)).isEqualTo(new CandidatePulse(true, "tab-one"));
        attempts.claim(token, "tab-two");
        assertThat(attempts.pulse(token).activePage()).as("another tab took over").isEqualTo("tab-two");

        jdbc.sql("update attempt set deadline = :d where invitation_id = (select id from invitation where "
                        + "assessment_id = :a)")
                .param("d", Instant.now().minus(Attempt.GRACE).plusSeconds(20)).param("a", a.id()).update();
        assertThat(attempts.pulse(token).inProgress()).as("past the deadline, within the grace").isTrue();
        jdbc.sql("update attempt set deadline = :d where invitation_id = (select id from invitation where "
                        + "assessment_id = :a)")
                .param("d", Instant.now().minus(Attempt.GRACE).minusSeconds(1)).param("a", a.id()).update();
        assertThat(attempts.pulse(token).inProgress()).as("past the deadline and the grace").isFalse();
        assertThat(attempts.open(token).stage()).as("the reload submits it").isEqualTo(CandidateSession.Stage.SUBMITTED);
        assertThat(attempts.pulse(token).inProgress()).as("submitted").isFalse();
    }

    @Test
    void thePagesTickRecordsWhatItObservedAndSaysWhetherTheAttemptIsStillInProgress() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a, 0);
        String token = token(issued);
        assertThat(attempts.tick(token, List.of(new AttemptService.SignalCounts(0, 15, 1, 40, 0))).inProgress())
                .as("not started: nothing to record").isFalse();

        attempts.start(token, true);
        attempts.claim(token, "tab-one");
        assertThat(attempts.tick(token, List.of())).as("a tick with nothing observed")
                .isEqualTo(new CandidatePulse(true, "tab-one"));
        assertThat(attempts.tick(token, List.of(new AttemptService.SignalCounts(0, 15, 1, 40, 0),
                new AttemptService.SignalCounts(2, 5, 0, 0, 2), new AttemptService.SignalCounts(7, 99, 9, 9, 9))))
                .isEqualTo(new CandidatePulse(true, "tab-one"));
        attempts.tick(token, List.of(new AttemptService.SignalCounts(0, 15, 0, 0, 1)));
        var signals = attempts.signals(issued.invitation().id());
        assertThat(signals.get(0)).as("two ticks add up")
                .isEqualTo(new IntegritySignals(0, 30, 1, 40, 1));
        assertThat(signals.get(2)).isEqualTo(new IntegritySignals(2, 5, 0, 0, 2));
        assertThat(signals.get(1)).as("a position the attempt does not have is ignored")
                .isEqualTo(new IntegritySignals(1, 0, 0, 0, 0));

        attempts.claim(token, "tab-two");
        assertThat(attempts.tick(token, List.of(new AttemptService.SignalCounts(1, 15, 0, 0, 0))).activePage())
                .as("another tab took over").isEqualTo("tab-two");
        attempts.submit(token, "tab-two");
        assertThat(attempts.tick(token, List.of(new AttemptService.SignalCounts(1, 15, 0, 0, 0))).inProgress())
                .as("submitted").isFalse();
        assertThat(attempts.signals(issued.invitation().id()).get(1).activeSeconds())
                .as("only the report made before submitting counts").isEqualTo(15);
    }

    /**
     * The page's save names the task version it shows and is one conditional UPDATE; when that writes nothing,
     * the reason comes from the same rules as the full path, with the same messages.
     */
    @Test
    void thePagesOneStatementSaveKeepsEveryRuleOfTheFullSave() {
        AssessmentView a = assessment();
        String token = token(invite(a, 0));
        CandidateSession session = attempts.start(token, true);
        long memo = session.tasks().get(2).task().versionId();
        long flow = session.tasks().get(0).task().versionId();

        attempts.save(token, PAGE, 2, memo, critiqueAnswer("First page's first save claims the attempt"));
        attempts.save(token, PAGE, 2, memo, critiqueAnswer("Then one statement"));
        assertThat(attempts.open(token).tasks().get(2).answer().critique().corrected()).isEqualTo("Then one statement");
        assertThat(jdbc.sql("select save_count from attempt_task t join attempt a on a.id = t.attempt_id join "
                        + "invitation i on i.id = a.invitation_id where i.assessment_id = :a and t.task_position = 2")
                .param("a", a.id()).query(Integer.class).single()).isEqualTo(2);

        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, flow, critiqueAnswer("Another task's kind")))
                .isInstanceOf(AttemptException.class).hasMessageContaining("does not match the task");
        long otherMemo = attempts.start(token(invite(assessment(), 0)), true).tasks().get(2).task().versionId();
        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, otherMemo, critiqueAnswer("Another assessment's task")))
                .isInstanceOf(AttemptException.class).hasMessageContaining("does not match the task");
        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, memo, critiqueAnswer("x".repeat(Answer.MAX_TEXT + 1))))
                .hasMessageContaining("longer than 20,000 characters");
        attempts.claim(token, "other-tab");
        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, memo, critiqueAnswer("From the replaced tab")))
                .isInstanceOf(OtherPageException.class);
        attempts.save(token, "other-tab", 2, memo, critiqueAnswer("From the tab that took over"));
        jdbc.sql("update attempt set deadline = :past where invitation_id in (select id from invitation where "
                        + "assessment_id = :a)")
                .param("past", Instant.now().minus(Attempt.GRACE).minusSeconds(5)).param("a", a.id()).update();
        assertThatThrownBy(() -> attempts.save(token, "other-tab", 2, memo, critiqueAnswer("Too late")))
                .isInstanceOf(AttemptException.class).hasMessageContaining("Time is up");
        assertThat(attempts.open(token).tasks().get(2).answer().critique().corrected())
                .as("what was saved in time stays").isEqualTo("From the tab that took over");
        assertThatThrownBy(() -> attempts.save(token, "other-tab", 2, memo, critiqueAnswer("After submitting")))
                .isInstanceOf(AttemptException.class).hasMessageContaining("already submitted");
    }

    @Test
    void afterTheDeadlineSavesAreRefusedAndTheAttemptIsSubmittedWithWhatWasSaved() {
        AssessmentView a = assessment();
        String late = token(invite(a, 0));
        String gone = token(invite(a, 0));
        attempts.start(late, true);
        attempts.start(gone, true);
        attempts.save(late, PAGE, 2, critiqueAnswer("Saved in time"));
        jdbc.sql("update attempt set deadline = :past where invitation_id in (select id from invitation where "
                        + "assessment_id = :a)")
                .param("past", Instant.now().minus(Duration.ofMinutes(5))).param("a", a.id()).update();

        assertThatThrownBy(() -> attempts.save(late, PAGE, 2, critiqueAnswer("Too late"))).hasMessageContaining("Time is up");
        CandidateSession reopened = attempts.open(late);
        assertThat(reopened.stage()).isEqualTo(CandidateSession.Stage.SUBMITTED);
        assertThat(reopened.submittedAutomatically()).isTrue();
        assertThat(reopened.tasks().get(2).answer().critique().corrected()).isEqualTo("Saved in time");

        assertThat(overdue.submitOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(attempts.open(gone).stage()).isEqualTo(CandidateSession.Stage.SUBMITTED);
        assertThat(invitations.count(a.id(), InvitationStatus.SUBMITTED, null)).isEqualTo(2);
    }

    @Test
    void unknownRevokedAndOversizeAreRefusedWithoutTouchingTheAttempt() {
        AssessmentView a = assessment();
        IssuedInvitation revoked = invite(a, 0);
        invitations.revoke(revoked.invitation().id());
        String token = token(invite(a, 0));
        attempts.start(token, true);

        assertThat(attempts.open("x".repeat(43)).stage()).isEqualTo(CandidateSession.Stage.UNKNOWN_LINK);
        assertThat(attempts.open("../../etc").stage()).isEqualTo(CandidateSession.Stage.UNKNOWN_LINK);
        assertThat(attempts.open(token(revoked)).stage()).isEqualTo(CandidateSession.Stage.REVOKED_LINK);
        assertThat(attempts.open(token(revoked)).contact()).isEqualTo("rhea@assay.example");
        assertThatThrownBy(() -> attempts.save(token, PAGE, 2, critiqueAnswer("x".repeat(Answer.MAX_TEXT + 1))))
                .hasMessageContaining("longer than 20,000 characters");
        assertThat(attempts.open(token).tasks().get(2).savedAt()).isNull();
    }

    /** Runs the same call from several threads at once and returns what each threw, if anything. */
    private static List<Throwable> atOnce(int threads, Runnable call) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Throwable>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    call.run();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }));
        }
        start.countDown();
        List<Throwable> failures = new java.util.ArrayList<>();
        for (var r : results) {
            Throwable t = r.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (t != null) {
                failures.add(t);
            }
        }
        pool.shutdownNow();
        return failures;
    }

    @Test
    void candidatesStartingTogetherAllStartAndEveryTaskServedIsCountedOnce() throws Exception {
        AssessmentView a = assessment();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tokens.add(token(invite(a, 0)));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(atOnce(12, () -> attempts.start(tokens.get(next.getAndIncrement()), true)))
                .as("starts that failed").isEmpty();
        for (String token : tokens) {
            assertThat(attempts.open(token).tasks()).as("tasks of " + token.substring(0, 4)).hasSize(3);
        }
        assertThat(jdbc.sql("select t.exposure_count from task t join task_version v on v.task_id = t.id "
                        + "where v.id in (:ids)")
                .param("ids", assessments.get(a.id()).spec().slots().stream().map(SlotSpec::taskVersionId).toList())
                .query(Integer.class).list()).as("exposure of each task").containsExactly(12, 12, 12);
    }

    /**
     * More candidates submit at once than the connection pool holds (10 here). The review module takes each
     * submission in after it commits; when that ran on the submitting thread, each submit held its connection
     * while it waited for a second one, the pool ran dry, and the intakes failed after the pool's timeout (the
     * load harness's end-of-test burst stalled this way). Every submission must reach review, quickly.
     */
    @Test
    void candidatesSubmittingTogetherMoreThanThePoolHoldsAreAllTakenIntoReview() throws Exception {
        AssessmentView a = assessment();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String token = token(invite(a, 0));
            attempts.start(token, true);
            attempts.claim(token, PAGE);
            tokens.add(token);
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        assertThat(atOnce(24, () -> attempts.submit(tokens.get(next.getAndIncrement()), PAGE)))
                .as("submits that failed").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time for 24 submits")
                .isLessThan(Duration.ofSeconds(20));
        int inReview = 0;
        for (int i = 0; i < 200 && inReview < 24; i++) {
            inReview = jdbc.sql("select count(*) from review_submission where assessment_id = :a").param("a", a.id())
                    .query(Integer.class).single();
            if (inReview < 24) {
                Thread.sleep(50);
            }
        }
        assertThat(inReview).as("submissions taken into review").isEqualTo(24);
    }

    @Test
    void startingTheSameAttemptInSeveralTabsAtOnceStartsItOnce() throws Exception {
        AssessmentView a = assessment();
        String token = token(invite(a, 0));
        attempts.open(token);
        assertThat(atOnce(4, () -> attempts.start(token, true))).as("starts that failed").isEmpty();
        assertThat(jdbc.sql("select count(*) from attempt where assessment_id = :a").param("a", a.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRaceForTheLastExposuresNeverServesATaskBeyondItsLimit() throws Exception {
        RoleDetail role = roles.create("Limit Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        List<Long> taskIds = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            TaskContent content = TaskSamples.workflow("Limited " + id(), role.key());
            TaskDetail d = bank.create(content.kind(), content);
            bank.publish(d.id(), content, d.lockVersion());
            bank.limitExposure(d.id(), 3);
            taskIds.add(d.id());
        }
        AssessmentView a = assessments.open(assessments.create(new AssessmentSpec("Limited " + id(), role.id(), 60,
                "Welcome.", true, List.of(SlotSpec.random(1, role.key(), TaskKind.WORKFLOW_DESIGN, null, null)))).id());
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(token(invite(a, 0)));
        }
        var next = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> refused = atOnce(8, () -> attempts.start(tokens.get(next.getAndIncrement()), true));
        assertThat(refused).as("two of eight find no task left").hasSize(2)
                .allSatisfy(t -> assertThat(t).hasMessageContaining("not enough tasks left"));
        assertThat(taskIds.stream().map(id -> bank.get(id).summary().exposureCount()))
                .as("each task served exactly up to its limit").containsExactly(3, 3);
    }

    @Test
    void openingTheSameLinkInSeveralTabsAtOnceNeverFails() throws Exception {
        AssessmentView a = assessment();
        String token = token(invite(a, 0));
        assertThat(atOnce(8, () -> attempts.open(token))).as("first opens at once").isEmpty();
        assertThat(invitations.list(a.id(), InvitationStatus.OPENED, null, 0, 5)).hasSize(1);

        attempts.start(token, true);
        List<String> pages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        assertThat(atOnce(8, () -> {
            String page = "tab-" + UUID.randomUUID();
            attempts.claim(token, page);
            pages.add(page);
        })).as("tabs claiming at once").isEmpty();
        assertThat(pages).contains(attempts.open(token).activePage());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aCandidateTokenNeverReachesTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        String token = token(invite(assessment(), 0));
        org.slf4j.LoggerFactory.getLogger("dev.assay.test").error("Unexpected error while opening 'c/{}'", token,
                new IllegalStateException("Navigation to /c/" + token + " failed"));
        assertThat(output.getAll()).contains("while opening 'c/[link]'").contains("Navigation to /c/[link] failed")
                .doesNotContain(token);
    }
}
