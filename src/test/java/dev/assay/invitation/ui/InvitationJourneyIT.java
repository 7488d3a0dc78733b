package dev.assay.invitation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.attempt.AttemptService;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A recruiter invites candidates from a CSV file in a real browser and follows their status. */
class InvitationJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

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

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private AssessmentView assessment() {
        return SystemAuthentication.callAs("RECRUITER", () -> {
            RoleDetail role = roles.create("CSV Role " + id(), "A role.", DefaultCompetencyModel.criteria());
            TaskContent content = TaskSamples.workflow("Flow " + id(), role.key());
            TaskDetail d = bank.create(content.kind(), content);
            long version = bank.publish(d.id(), content, d.lockVersion()).summary().publishedVersionId();
            AssessmentView a = assessments.create(new AssessmentSpec("CSV screen " + id(), role.id(), 30, "Hi.", true,
                    List.of(SlotSpec.fixed(version))));
            return assessments.open(a.id());
        });
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile("candidates", ".csv");
        Files.writeString(file, csv);
        WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
                "const u = document.getElementById('csv-upload');"
                + "return (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]')) || u.querySelector('input[type=file]');");
        input.sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void badRowsAreListedByLineThenAGoodFileInvitesEveryoneAndStatusesFollowTheCandidates() throws IOException {
        IssuedPassword recruiter = StaffFixtures.create(staff, "CSV Recruiter", StaffRole.RECRUITER);
        AssessmentView a = assessment();
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/invitations/" + a.id());
        waitFor(By.id("invite-csv")).click();
        waitForVaadin();

        String run = id();
        upload("name,email,accommodation_percent\nAda,ada." + run + "@example.com,25\nBad,not-an-email,\n,nobody@example.com,\n");
        waitUntil(d -> d.findElement(By.id("csv-problems")).isDisplayed());
        assertThat(driver.findElement(By.id("csv-problems")).getText()).contains("Nobody was invited",
                "Line 3: 'not-an-email' is not a valid email address", "Line 4: missing name");
        screenshot("invitations-csv-problems");

        upload("name,email\nAda Okafor,ada." + run + "@example.com\nBen Ng,ben." + run + "@example.com\n");
        waitUntil(d -> d.findElement(By.id("invitation-count")).getText().equals("2 candidates"));
        screenshot("invitations-after-csv");

        InvitationView ada = SystemAuthentication.callAs("RECRUITER",
                () -> invitations.list(a.id(), null, "ada", 0, 5)).getFirst();
        String link = SystemAuthentication.callAs("RECRUITER", () -> invitations.resend(ada.id(), null)).link();
        attempts.start(link.substring(link.lastIndexOf('/') + 1), true);
        driver.navigate().refresh();
        waitForVaadin();
        waitUntil(d -> d.findElement(By.id("invitation-grid")).getText().contains("Started"));
        // Links built on localhost are flagged to the recruiter: candidates elsewhere could not open them.
        assertThat(driver.findElement(By.id("local-links-warning")).getText()).contains("ASSAY_PUBLIC_URL");

        // The outbox: searchable, with the assessment, and a held message the candidate used is no longer waiting.
        open("recruiter/outbox");
        waitFor(By.id("outbox-grid"));
        driver.findElement(By.cssSelector("#outbox-search input")).sendKeys("ben." + run);
        waitUntil(d -> d.findElement(By.id("outbox-grid")).getText().contains("ben." + run)
                && !d.findElement(By.id("outbox-grid")).getText().contains("ada." + run));
        assertThat(driver.findElement(By.id("outbox-grid")).getText()).contains(a.title())
                .doesNotContain("Passed on");
        WebElement search = driver.findElement(By.cssSelector("#outbox-search input"));
        search.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "ada." + run);
        waitUntil(d -> d.findElement(By.id("outbox-grid")).getText().contains("Passed on · candidate started"));
        screenshot("outbox-search");
        assertThat(seriousAccessibilityViolations()).as("the outbox").isEmpty();
    }
}
