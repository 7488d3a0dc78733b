package dev.assay.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.attempt.port.SubmittedWork;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.support.DatabaseTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A candidate's conversation with an AI-collaboration task's assistant: replies from the playbook, follow-ups,
 * the transcript stored append-only and found again on reopening, the same rules as saving, and the transcript
 * part of the submitted work.
 */
@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class AssistantConversationIT extends DatabaseTest {

    private static final String PAGE = "test-page";

    @Autowired
    AttemptService attempts;

    @Autowired
    SubmittedWork submitted;

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

    @Test
    void aCandidateTalksToTheAssistantAndTheTranscriptIsKeptWithTheWork() {
        RoleDetail role = roles.create("Collab Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        long memo = publish(TaskSamples.collaboration("Summary " + id(), role.key()));
        long flow = publish(TaskSamples.workflow("Flow " + id(), role.key()));
        AssessmentView a = assessments.open(assessments.create(new AssessmentSpec("Collab " + id(), role.id(), 60,
                "Welcome.", true, List.of(SlotSpec.fixed(flow), SlotSpec.fixed(memo)))).id());
        IssuedInvitation issued = invitations.invite(a.id(), new NewInvitation("Cand " + id(),
                "cand." + id() + "@example.com", 0, Instant.now().plus(Duration.ofDays(3))));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        attempts.start(token, true);

        AssistantTurn first = attempts.ask(token, PAGE, 1, memo, "Could you draft a summary of the quarter for the director?");
        assertThat(first.turn()).isEqualTo(1);
        assertThat(first.source()).isEqualTo(AssistantTurn.Source.PLAYBOOK);
        assertThat(first.intentKey()).isEqualTo("draft-summary");
        assertThat(first.reply()).contains("up 25%");
        assertThat(first.flaws()).containsExactly(1, 2);
        assertThat(first.similarity()).isBetween(0.55, 1.0);

        // A follow-up answers only after its predecessor; its reply repeats flaw 1's text, so it carries flaw 1 too.
        AssistantTurn shorter = attempts.ask(token, PAGE, 1, memo, "Make it shorter please");
        assertThat(shorter.intentKey()).isEqualTo("shorter");
        assertThat(shorter.flaws()).containsExactly(1);
        AssistantTurn offTopic = attempts.ask(token, PAGE, 1, memo, "Tell me a funny joke");
        assertThat(offTopic.source()).isEqualTo(AssistantTurn.Source.OFF_TOPIC);
        assertThat(offTopic.similarity()).isNull();

        // The same rules as saving: the task on the page, this page, a message of sensible length.
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 0, flow, "Draft it")).isInstanceOf(AttemptException.class);
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 1, flow, "Draft it")).hasMessageContaining("does not match");
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 1, memo, "   ")).hasMessageContaining("Type");
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 1, memo, "x".repeat(AssistantTurn.MAX_PROMPT + 1)))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> attempts.ask(token, "another-tab-that-never-claimed", 1, memo, "Draft it"))
                .isInstanceOf(OtherPageException.class);

        // Reopening finds the conversation as it was.
        assertThat(attempts.transcript(token, 1)).extracting(AssistantTurn::turn, AssistantTurn::intentKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "draft-summary"),
                        org.assertj.core.groups.Tuple.tuple(2, "shorter"), org.assertj.core.groups.Tuple.tuple(3, null));
        assertThat(attempts.transcript(token, 0)).isEmpty();

        attempts.save(token, PAGE, 1, memo, new Answer(null, null, null, new Answer.Collaboration(first.reply(),
                "Nothing.")));
        attempts.submit(token, PAGE);
        assertThatThrownBy(() -> attempts.ask(token, PAGE, 1, memo, "Check the growth rate"))
                .isInstanceOf(AttemptException.class);
        long attemptId = jdbc.sql("SELECT id FROM attempt WHERE invitation_id = ?")
                .param(issued.invitation().id()).query(Long.class).single();
        SubmittedResponse response = submitted.response(attemptId);
        assertThat(response.tasks().get(1).transcript()).hasSize(3);
        assertThat(response.tasks().get(0).transcript()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_turn WHERE attempt_id = ?").param(attemptId)
                .query(Integer.class).single()).isEqualTo(3);
    }
}
