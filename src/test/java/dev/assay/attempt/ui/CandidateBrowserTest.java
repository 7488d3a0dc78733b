package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.attempt.AttemptService;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.support.BrowserTest;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of candidate journeys: an open assessment with one task of each kind (with titles as long as real
 * ones, so layouts are tested with realistic text), an invitation, and helpers for the candidate page.
 */
abstract class CandidateBrowserTest extends BrowserTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    AttemptService attempts;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    @Autowired
    JdbcClient jdbc;

    static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    AssessmentView assessment() {
        return SystemAuthentication.callAs("RECRUITER", () -> {
            RoleDetail role = roles.create("Journey Role " + id(), "A role.", DefaultCompetencyModel.criteria());
            List<SlotSpec> slots = List.of(
                    SlotSpec.fixed(publish(TaskSamples.workflow("Monday churn-risk list for the customer success team",
                            role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.automation("A support lead's week: what would you automate?",
                            role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.critique("Critique an AI-written A/B test memo for leadership",
                            role.key()))));
            AssessmentView a = assessments.create(new AssessmentSpec("Ops screen " + id(), role.id(), 90,
                    "Welcome to the screen.", true, slots));
            return assessments.open(a.id());
        });
    }

    /** An open assessment with a workflow task and an AI-collaboration task (TaskSamples.collaboration). */
    AssessmentView collaborationAssessment() {
        return SystemAuthentication.callAs("RECRUITER", () -> {
            RoleDetail role = roles.create("Journey Role " + id(), "A role.", DefaultCompetencyModel.criteria());
            List<SlotSpec> slots = List.of(
                    SlotSpec.fixed(publish(TaskSamples.collaboration("Summarise Q3 sales for the sales director, with "
                            + "the assistant's help", role.key()))),
                    SlotSpec.fixed(publish(TaskSamples.workflow("Monday churn-risk list for the customer success team",
                            role.key()))));
            AssessmentView a = assessments.create(new AssessmentSpec("Collab screen " + id(), role.id(), 60,
                    "Welcome to the screen.", true, slots));
            return assessments.open(a.id());
        });
    }

    private long publish(TaskContent content) {
        TaskDetail d = bank.create(content.kind(), content);
        return bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
    }

    IssuedInvitation invite(AssessmentView a) {
        return SystemAuthentication.callAs("RECRUITER", () -> invitations.invite(a.id(), new NewInvitation(
                "Casey Candidate", "casey." + id() + "@example.com", 0, Instant.now().plus(Duration.ofDays(2)))));
    }

    String linkHere(IssuedInvitation issued) {
        return issued.link().replaceFirst("http://localhost:\\d+", url("").replaceAll("/$", ""));
    }

    static String tokenOf(IssuedInvitation issued) {
        return issued.link().substring(issued.link().lastIndexOf('/') + 1);
    }

    void startFromLink(IssuedInvitation issued) {
        driver.get(linkHere(issued));
        waitForVaadin();
        click(By.id("consent"));
        click(By.id("start"));
        waitFor(By.id("countdown"));
    }

    /** Waits until the page says the typing is stored (it shows "Saving…" from the first key). */
    void waitSaved() {
        waitUntil(d -> d.findElement(By.id("save-state")).getText().equals("Saving…"));
        waitUntil(d -> d.findElement(By.id("save-state")).getText().equals("Saved"));
    }

    void assertAccessible(String page) {
        assertThat(seriousAccessibilityViolations()).as("serious or critical accessibility problems on " + page)
                .isEmpty();
    }

    boolean scrollsSideways() {
        return Boolean.TRUE.equals(js(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"));
    }

    void atPhoneWidth(String page) {
        phoneWidth();
        screenshot(page + "-phone");
        assertAccessible(page + " at 390 px");
        assertThat(scrollsSideways()).as(page + " scrolls sideways at 390 px").isFalse();
        desktopWidth();
    }

    void phoneWidth() {
        driver.manage().window().setSize(new Dimension(390, 844));
        waitForVaadin();
    }

    void desktopWidth() {
        driver.manage().window().setSize(new Dimension(1440, 900));
        waitForVaadin();
    }

    /** The saved answer of a task, as the server has it. */
    dev.assay.attempt.Answer saved(IssuedInvitation issued, int position) {
        return attempts.open(tokenOf(issued)).tasks().get(position).answer();
    }
}
