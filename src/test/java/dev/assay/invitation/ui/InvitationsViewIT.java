package dev.assay.invitation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationStatus;
import dev.assay.invitation.OutboxMessageView;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The invitations view, exercised without a browser against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class InvitationsViewIT extends SpringBrowserlessTest {

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

    private AssessmentView openAssessment() {
        RoleDetail role = roles.create("View Role " + id(), "A role.", DefaultCompetencyModel.criteria());
        TaskContent content = TaskSamples.workflow("Flow " + id(), role.key());
        TaskDetail task = bank.create(content.kind(), content);
        task = bank.publish(task.id(), content, task.lockVersion());
        AssessmentView a = assessments.create(new AssessmentSpec("Screen " + id(), role.id(), 45, "Welcome.", true,
                List.of(SlotSpec.fixed(task.summary().publishedVersionId()))));
        return assessments.open(a.id());
    }

    @Test
    void aRecruiterInvitesOneCandidateAndSeesThemInTheGridAndTheOutbox() {
        AssessmentView assessment = openAssessment();
        navigate(InvitationsView.class, assessment.id());
        String email = "nia." + id() + "@example.com";

        test($(Button.class).id("invite-one")).click();
        test($(TextField.class).id("invite-name")).setValue("Nia Reyes");
        test($(EmailField.class).id("invite-email")).setValue(email);
        test($(Button.class).id("send-invitation")).click();

        assertThat($(Span.class).id("invitation-count").getText()).isEqualTo("1 candidate");
        @SuppressWarnings("unchecked")
        Grid<dev.assay.invitation.InvitationView> grid = $(Grid.class).id("invitation-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(invitations.outbox(null, 0, 20)).extracting(OutboxMessageView::recipient).contains(email);
    }

    @Test
    void everyMissingOrBadFieldIsMarkedAtOnceAndNothingIsSentUntilFixed() {
        AssessmentView assessment = openAssessment();
        navigate(InvitationsView.class, assessment.id());

        test($(Button.class).id("invite-one")).click();
        test($(EmailField.class).id("invite-email")).setValue("not-an-email");
        test($(Button.class).id("send-invitation")).click();

        // Every problem at once, each on its own field.
        TextField name = $(TextField.class).id("invite-name");
        EmailField email = $(EmailField.class).id("invite-email");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Enter the candidate's name");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("valid email address");
        assertThat(invitations.count(assessment.id(), null, null)).isZero();

        test(name).setValue("Now Named");
        test(email).setValue("now.named." + java.util.UUID.randomUUID() + "@example.com");
        test($(Button.class).id("send-invitation")).click();
        assertThat(invitations.count(assessment.id(), null, null)).isEqualTo(1);
    }

    @Test
    void aCsvWithBadRowsListsEveryLineAndInvitesNobody() {
        AssessmentView assessment = openAssessment();
        navigate(InvitationsView.class, assessment.id());
        String csv = "name,email\nGood,good." + id() + "@example.com\nBad,bad-email\n,x@example.com\n";

        test($(Button.class).id("invite-csv")).click();
        test($(Upload.class).id("csv-upload")).upload("candidates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat($(Div.class).id("csv-problems").getElement().getTextRecursively())
                .contains("Nobody was invited", "Line 3: 'bad-email' is not a valid email address", "Line 4: missing name");
        assertThat(invitations.count(assessment.id(), null, null)).isZero();
    }
}
