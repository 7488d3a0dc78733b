package dev.assay.attempt.ui;

import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Set-up for the tests that run the packaged application: an open one-task assessment and an invited candidate. */
final class OneTaskAssessments {

    private OneTaskAssessments() {
    }

    /** An open 30-minute assessment of the one task (given the role's key) and a candidate invited to it. */
    static IssuedInvitation invite(JobRoleService roles, TaskBankService bank, AssessmentService assessments,
            InvitationService invitations, Function<String, TaskContent> task, String id, String who) {
        return SystemAuthentication.callAs("RECRUITER", () -> {
            RoleDetail role = roles.create("Node Role " + who + " " + id, "A role.", DefaultCompetencyModel.criteria());
            TaskContent content = task.apply(role.key());
            TaskDetail d = bank.create(content.kind(), content);
            long version = bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
            AssessmentView a = assessments.open(assessments.create(new AssessmentSpec("Nodes " + id, role.id(), 30,
                    "Hi.", true, List.of(SlotSpec.fixed(version)))).id());
            return invitations.invite(a.id(), new NewInvitation(who + " Node", who + "." + id + "@example.com", 0,
                    Instant.now().plus(Duration.ofDays(1))));
        });
    }
}
