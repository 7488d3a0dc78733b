package dev.assay.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.support.DatabaseTest;
import dev.assay.support.FakeOpenAi;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.DefaultCompetencyModel;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import dev.assay.assistant.LiveAssistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A task set to use the live model, on an installation that has one (an in-process OpenAI-compatible server): the
 * model answers and its reply's planted flaw is recorded; a failing model gives a stored "unavailable" turn and the
 * candidate's work goes on; the attempt's token budget holds.
 */
@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class LiveAssistantIT extends DatabaseTest {

    static final FakeOpenAi FAKE = new FakeOpenAi();
    private static final String PAGE = "test-page";

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    /**
     * The service's live model, pointed at the fake server for this test and put back afterwards. (Configuring it
     * by properties would start a second application context, whose security setup unsettles the shared one's.)
     */
    @BeforeEach
    void useTheFakeServer() {
        target = AopTestUtils.getTargetObject(attempts);
        original = (LiveAssistant) ReflectionTestUtils.getField(target, "live");
        ReflectionTestUtils.setField(target, "live", new LiveAssistant(FAKE.url(), "fake-model", "sk-test-secret",
                Duration.ofSeconds(1), 500, 300));
    }

    @AfterEach
    void putTheModelBack() {
        ReflectionTestUtils.setField(target, "live", original);
    }

    private Object target;
    private LiveAssistant original;

    @Autowired
    AttemptService attempts;

    @Autowired
    InvitationService invitations;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theLiveModelAnswersAFailureIsNotedAndTheBudgetHolds() {
        RoleDetail role = roles.create("Live Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        TaskContent sample = TaskSamples.collaboration("Live summary " + id(), role.key());
        TaskContent.AiCollaboration c = sample.collaboration();
        TaskContent content = new TaskContent(sample.title(), sample.roles(), sample.criteria(), sample.difficulty(),
                sample.timeLimitMinutes(), sample.tags(), sample.instructions(), null, null, null,
                new TaskContent.AiCollaboration(c.scenario(), c.materials(), c.deliverable(), c.assistant(),
                        c.guidance(), true));
        TaskDetail d = bank.create(content.kind(), content);
        long version = bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
        AssessmentView a = assessments.open(assessments.create(new AssessmentSpec("Live " + id(), role.id(), 60,
                "Welcome.", true, List.of(SlotSpec.fixed(version)))).id());
        IssuedInvitation issued = invitations.invite(a.id(), new NewInvitation("Cand " + id(),
                "cand." + id() + "@example.com", 0, Instant.now().plus(Duration.ofDays(3))));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        attempts.start(token, true);

        FAKE.then(new FakeOpenAi.Reply("Q3 sales were 120 units, up 25% on Q2.", 160))
                .then(new FakeOpenAi.Status(503, "{\"error\":{\"message\":\"overloaded\"}}"))
                .then(new FakeOpenAi.Reply("From 100 to 120 is 20%.", 160));
        AssistantTurn first = attempts.ask(token, PAGE, 0, version, "Draft the summary");
        assertThat(first.source()).isEqualTo(AssistantTurn.Source.LIVE);
        assertThat(first.flaws()).containsExactly(1);
        assertThat(first.tokens()).isEqualTo(160);

        AssistantTurn failed = attempts.ask(token, PAGE, 0, version, "Make it shorter");
        assertThat(failed.source()).isEqualTo(AssistantTurn.Source.UNAVAILABLE);
        assertThat(failed.reply()).isEqualTo(AssistantTurn.UNAVAILABLE_REPLY);
        // The candidate's work goes on.
        attempts.save(token, PAGE, 0, version, new Answer(null, null, null, new Answer.Collaboration("Q3: 120 units.",
                "Checked the table.")));

        AssistantTurn third = attempts.ask(token, PAGE, 0, version, "Check the growth rate");
        assertThat(third.source()).isEqualTo(AssistantTurn.Source.LIVE);
        assertThat(third.flaws()).isEmpty();
        // 320 tokens used against a budget of 300: no more live replies for this attempt.
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 0, version, "One more?"))
                .isInstanceOf(AttemptException.class).hasMessageContaining("all the assistant's help");
        assertThat(attempts.transcript(token, 0)).extracting(AssistantTurn::source).containsExactly(
                AssistantTurn.Source.LIVE, AssistantTurn.Source.UNAVAILABLE, AssistantTurn.Source.LIVE);
        // The conversation so far went to the model with the third prompt (the failed turn left out).
        assertThat(FAKE.requests().getLast()).contains("Draft the summary").contains("up 25% on Q2")
                .doesNotContain("Make it shorter");
    }
}
