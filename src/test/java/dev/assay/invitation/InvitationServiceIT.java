package dev.assay.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.invitation.internal.InvitationRepository;
import dev.assay.invitation.internal.OutboxDispatcher;
import dev.assay.invitation.internal.Tokens;
import dev.assay.support.DatabaseTest;
import dev.assay.support.TestMailServer;
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
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class InvitationServiceIT extends DatabaseTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    InvitationRepository repository;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    dev.assay.audit.AuditLog audit;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private AssessmentView openAssessment(boolean accommodations) {
        RoleDetail role = roles.create("Invite Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        TaskContent content = TaskSamples.workflow("Flow " + id(), role.key());
        TaskDetail task = bank.create(content.kind(), content);
        task = bank.publish(task.id(), content, task.lockVersion());
        AssessmentView a = assessments.create(new AssessmentSpec("Screen " + id(), role.id(), 45, "Welcome.",
                accommodations, List.of(SlotSpec.fixed(task.summary().publishedVersionId()))));
        return assessments.open(a.id());
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static String bodyOf(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    @Test
    void anInvitedCandidateIsMailedAPersonalLinkWhoseTokenIsStoredOnlyAsAHash() throws Exception {
        AssessmentView assessment = openAssessment(true);
        String email = "ada." + id() + "@example.com";

        IssuedInvitation issued = invitations.invite(assessment.id(),
                new NewInvitation("Ada Okafor", email, 25, inDays(7)));
        dispatcher.dispatchPending();

        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        assertThat(Tokens.wellFormed(token)).isTrue();
        assertThat(repository.findByTokenHash(Tokens.hash(token))).isPresent();
        assertThat(issued.invitation().candidateCode()).matches("C-[2-9A-HJ-NP-Z]{4,}");
        assertThat(issued.invitation().status()).isEqualTo(InvitationStatus.SENT);
        List<MimeMessage> received = TestMailServer.messagesTo(email);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Your invitation: " + assessment.title());
        assertThat(bodyOf(received.getFirst())).contains("Hello Ada Okafor", issued.link(), "up to 57 minutes",
                "25% extra time", "rhea@assay.example");
        assertThat(invitations.outbox(null, 0, 50)).filteredOn(m -> m.recipient().equals(email)).singleElement()
                .satisfies(m -> {
                    assertThat(m.deliveryStatus()).isEqualTo("SENT");
                    assertThat(m.body()).doesNotContain(token).contains("[link removed from this copy]");
                });
    }

    @Test
    void aHeldMessageKeepsItsWorkingLinkOnlyEncryptedInTheDatabase() {
        AssessmentView assessment = openAssessment(false);
        IssuedInvitation issued = invitations.invite(assessment.id(),
                new NewInvitation("Held Message", "held." + id() + "@example.com", 0, inDays(3)));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);

        String stored = jdbc.sql("select body from outbox_message where invitation_id = :id")
                .param("id", issued.invitation().id()).query(String.class).single();
        assertThat(stored).startsWith("aesgcm1:").doesNotContain(token).doesNotContain("Held Message");
        assertThat(invitations.outbox(null, 0, 50)).filteredOn(m -> m.recipient().startsWith("held."))
                .singleElement().satisfies(m -> assertThat(m.body()).contains(issued.link()));
    }

    @Test
    void reSendingKillsTheOldLinkAndRevokingKillsTheNewOne() {
        AssessmentView assessment = openAssessment(false);
        IssuedInvitation first = invitations.invite(assessment.id(),
                new NewInvitation("Ben Ng", "ben." + id() + "@example.com", 0, inDays(3)));
        String firstToken = first.link().substring(first.link().lastIndexOf('/') + 1);

        IssuedInvitation second = invitations.resend(first.invitation().id(), inDays(10));
        String secondToken = second.link().substring(second.link().lastIndexOf('/') + 1);

        assertThat(repository.findByTokenHash(Tokens.hash(firstToken))).isEmpty();
        assertThat(repository.findByTokenHash(Tokens.hash(secondToken))).isPresent();
        assertThat(second.invitation().startDeadline()).isAfter(inDays(9));
        assertThat(dev.assay.base.SystemAuthentication.callAs("ADMIN", () -> audit.count(new dev.assay.audit.AuditFilter(
                null, "candidate.link_resent", "candidate " + first.invitation().candidateCode(), null, null))))
                .as("the re-send is in the audit log").isEqualTo(1);
        assertThat(invitations.revoke(first.invitation().id()).status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(invitations.count(assessment.id(), InvitationStatus.REVOKED, null)).isEqualTo(1);
    }

    @Test
    void identitiesOfManyInvitationsComeInOneCallKeyedByInvitation() {
        AssessmentView assessment = openAssessment(false);
        IssuedInvitation ana = invitations.invite(assessment.id(),
                new NewInvitation("Ana Ruiz", "ana." + id() + "@example.com", 0, inDays(3)));
        IssuedInvitation bo = invitations.invite(assessment.id(),
                new NewInvitation("Bo Lind", "bo." + id() + "@example.com", 0, inDays(3)));
        var found = invitations.identities(List.of(ana.invitation().id(), bo.invitation().id(), -1L));
        assertThat(found).containsOnlyKeys(ana.invitation().id(), bo.invitation().id());
        assertThat(found.get(bo.invitation().id()).name()).isEqualTo("Bo Lind");
        assertThat(found.get(ana.invitation().id())).isEqualTo(invitations.identity(ana.invitation().id()));
        assertThat(invitations.identities(List.of())).isEmpty();
    }

    @Test
    void aCandidateCannotBeInvitedTwiceNorToADraftNorWithExtraTimeTheAssessmentDoesNotAllow() {
        AssessmentView assessment = openAssessment(false);
        String email = "cara." + id() + "@example.com";
        invitations.invite(assessment.id(), new NewInvitation("Cara", email, 0, inDays(3)));

        assertThatThrownBy(() -> invitations.invite(assessment.id(), new NewInvitation("Cara", email.toUpperCase(), 0,
                inDays(3)))).hasMessageContaining("already invited");
        assertThatThrownBy(() -> invitations.invite(assessment.id(), new NewInvitation("Dan", "dan@example.com", 20,
                inDays(3)))).hasMessageContaining("does not allow extra time");
        RoleDetail role = roles.create("Draft Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        AssessmentView draft = assessments.create(new AssessmentSpec("Draft", role.id(), 30, "Hi", true, List.of()));
        assertThatThrownBy(() -> invitations.invite(draft.id(), new NewInvitation("Eve", "eve@example.com", 0,
                inDays(3)))).hasMessageContaining("only while the assessment is open");
    }

    @Test
    void aCsvWithBadRowsInvitesNobodyAndReportsEachRow() {
        AssessmentView assessment = openAssessment(true);
        String taken = "taken." + id() + "@example.com";
        invitations.invite(assessment.id(), new NewInvitation("Taken", taken, 0, inDays(3)));
        String csv = "name,email,accommodation_percent\n"
                + "Good One,good." + id() + "@example.com,\n"
                + "Already," + taken + ",0\n"
                + ",nobody@example.com,0\n";

        assertThatThrownBy(() -> invitations.importCsv(assessment.id(), csv.getBytes(StandardCharsets.UTF_8), inDays(5)))
                .isInstanceOfSatisfying(InvitationException.class, e -> assertThat(e.rows())
                        .extracting(InvitationException.RowProblem::toString).containsExactly(
                                "Line 3: " + taken + " is already invited to this assessment",
                                "Line 4: missing name"));
        assertThat(invitations.count(assessment.id(), null, null)).isEqualTo(1);
    }

    @Test
    void fiveThousandCandidatesAreInvitedFromOneFile() {
        AssessmentView assessment = openAssessment(true);
        StringBuilder csv = new StringBuilder("name,email,accommodation_percent\n");
        String run = id();
        for (int i = 0; i < 5_000; i++) {
            csv.append("Candidate ").append(i).append(",c").append(i).append('.').append(run).append("@example.com,")
                    .append(i % 10 == 0 ? "25" : "").append('\n');
        }

        int invited = invitations.importCsv(assessment.id(), csv.toString().getBytes(StandardCharsets.UTF_8), inDays(14));

        assertThat(invited).isEqualTo(5_000);
        assertThat(invitations.count(assessment.id(), InvitationStatus.SENT, null)).isEqualTo(5_000);
        assertThat(invitations.list(assessment.id(), null, "candidate 4999", 0, 10)).singleElement()
                .satisfies(v -> assertThat(v.accommodationPercent()).isZero());
    }

    @Test
    @WithMockUser(roles = "REVIEWER")
    void onlyRecruitersInvite() {
        assertThatThrownBy(() -> invitations.outboxCount(null)).isInstanceOf(AccessDeniedException.class);
    }
}
