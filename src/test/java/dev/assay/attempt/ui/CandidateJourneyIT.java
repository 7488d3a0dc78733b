package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationStatus;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.taskbank.AssessmentView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/** A candidate goes from their link to a submitted assessment in a real browser. */
class CandidateJourneyIT extends CandidateBrowserTest {

    @Test
    void aCandidateConsentsDoesEachTaskLosesNothingOnReloadAndSubmits() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        driver.get(linkHere(issued));
        waitForVaadin();
        waitFor(By.id("landing"));
        screenshot("candidate-landing");
        assertAccessible("the landing page");
        atPhoneWidth("candidate-landing");

        click(By.id("start"));
        assertThat(waitFor(By.id("consent-error")).getText()).contains("tick the box");
        click(By.id("consent"));
        click(By.id("start"));
        waitFor(By.id("countdown"));
        assertThat(driver.findElement(By.id("countdown")).getText()).matches("\\d+:\\d{2} left");
        // At 1440 px the brief sits beside the answer, as reviewers see them; on a phone, above it.
        Rectangle brief = driver.findElement(By.id("task-brief")).getRect();
        Rectangle answer = driver.findElement(By.id("task-answer")).getRect();
        assertThat(answer.getX()).as("the answer starts right of the brief").isGreaterThanOrEqualTo(brief.getX() + brief.getWidth());
        assertThat(answer.getY()).as("brief and answer share a row").isEqualTo(brief.getY());
        assertAccessible("the workflow task");
        atPhoneWidth("candidate-workflow");

        // Task 1: a workflow step, typed and saved without pressing anything.
        click(By.id("add-step"));
        type(By.cssSelector(".step-card vaadin-text-area textarea"), "Pull the three exports at 7:30");
        waitSaved();
        screenshot("candidate-workflow");

        // A reload resumes on the same task with the text in place.
        driver.navigate().refresh();
        waitForVaadin();
        WebElement step = waitFor(By.cssSelector(".step-card vaadin-text-area textarea"));
        assertThat(step.getAttribute("value")).isEqualTo("Pull the three exports at 7:30");

        // Pasting is recorded as a fact for reviewers (count and size), nothing more.
        ((JavascriptExecutor) driver).executeScript("const dt = new DataTransfer(); dt.setData('text', 'pasted words');"
                + "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true}));"
                + "document.querySelector('.candidate-page').assayFlushSignals();",
                driver.findElement(By.cssSelector(".step-card vaadin-text-area textarea")));
        waitUntil(d -> SystemAuthentication.callAs("RECRUITER", () -> attempts.signals(issued.invitation().id()))
                .getFirst().pastes() == 1);
        assertThat(SystemAuthentication.callAs("RECRUITER", () -> attempts.signals(issued.invitation().id()))
                .getFirst().pastedChars()).isEqualTo("pasted words".length());

        // Task 2: the work log appears once, as the list to tick from; each chosen activity gets a weekly saving.
        click(By.id("task-2"));
        assertThat(driver.findElements(By.cssSelector("#task-brief .work-log"))).as("no second copy of the log").isEmpty();
        assertThat(driver.findElements(By.cssSelector(".pick-table .pick-row vaadin-checkbox"))).hasSize(6);
        click(By.cssSelector(".pick-table vaadin-checkbox"));
        type(By.cssSelector(".rank-saving input"), "about 40 min");
        type(By.cssSelector("#automation-spec textarea"), "Every weekday at 9:00 copy the ticket counts.");
        type(By.cssSelector("#automation-keep-manual textarea"), "Calls with upset customers stay with a person.");
        waitSaved();
        waitUntil(d -> saved(issued, 1).automation().saving(0).equals("about 40 min"));
        waitUntil(d -> saved(issued, 1).automation().keepManual().equals("Calls with upset customers stay with a person."));
        assertAccessible("the automation task");
        atPhoneWidth("candidate-automation");

        // Task 3: flag a segment with a category and an explanation, then a verdict.
        click(By.id("task-3"));
        click(By.cssSelector("vaadin-button[aria-label='Flag segment 1']"));
        click(By.cssSelector(".flag-row.flagged vaadin-select"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='Wrong calculation']"));
        type(By.cssSelector(".flag-row.flagged vaadin-text-area textarea"), "120 on 100 is 20%, not 25%.");
        type(By.cssSelector("#critique-corrected textarea"), "Sales grew 20% from Q2 to Q3.");
        waitSaved();
        screenshot("candidate-critique");
        assertAccessible("the critique task");
        atPhoneWidth("candidate-critique");

        click(By.id("review"));
        waitFor(By.id("review-page"));
        assertThat(driver.findElement(By.id("review-page")).getText()).contains("Still to do: ");
        screenshot("candidate-review");
        assertAccessible("the review page");
        atPhoneWidth("candidate-review");

        // On a phone, the confirmation and its Submit button fit the screen, and submitting works there.
        phoneWidth();
        click(By.id("submit"));
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']"));
        assertThat(openDialogText())
                .as("the confirmation says work is unfinished").containsPattern("(One task still has|\\d+ tasks still have) parts to do");
        screenshot("candidate-submit-dialog-phone");
        assertThat(dialogsOutsideTheWindow()).isEmpty();
        assertThat(scrollsSideways()).as("the page behind the dialog scrolls sideways").isFalse();
        assertAccessible("the submit confirmation at 390 px");
        click(By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitFor(By.id("receipt"));
        desktopWidth();
        screenshot("candidate-receipt");
        assertAccessible("the receipt");
        atPhoneWidth("candidate-receipt");

        assertThat(SystemAuthentication.callAs("RECRUITER", () -> invitations.list(a.id(), null, null, 0, 5))
                .getFirst().status()).isEqualTo(InvitationStatus.SUBMITTED);
        driver.navigate().refresh();
        waitForVaadin();
        assertThat(waitFor(By.id("receipt")).getText()).contains("your answers are submitted");
    }


    @Test
    void losingTheServerSessionAsInARestartLosesNoSavedWork() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        startFromLink(issued);
        click(By.id("task-3"));
        type(By.cssSelector("#critique-corrected textarea"), "Typed before the restart.");
        waitSaved();

        // A restart ends every server session; the database keeps the attempt. Reopening the link resumes.
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        waitForVaadin();
        assertThat(waitFor(By.cssSelector("#critique-corrected textarea")).getAttribute("value"))
                .isEqualTo("Typed before the restart.");
        assertThat(driver.findElement(By.id("task-3")).getAttribute("aria-current")).isEqualTo("step");
    }

    @Test
    void whenTimeRunsOutThePageSubmitsWhatWasSavedAndSaysSo() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        startFromLink(issued);
        click(By.id("add-step"));
        type(By.cssSelector(".step-card vaadin-text-area textarea"), "Saved before the deadline");
        waitSaved();

        jdbc.sql("update attempt set deadline = :past where invitation_id = :id")
                .param("past", Instant.now().minus(Duration.ofSeconds(45))).param("id", issued.invitation().id()).update();

        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(40))
                .until(d -> !d.findElements(By.id("receipt")).isEmpty());
        assertThat(driver.findElement(By.id("receipt")).getText()).contains("Time ran out");
        assertThat(SystemAuthentication.callAs("RECRUITER", () -> invitations.list(a.id(), null, null, 0, 5))
                .getFirst().status()).isEqualTo(InvitationStatus.SUBMITTED);
    }

    @Test
    void stepsReorderByKeyboardAndByDragAndTheCountdownWarnsNearTheEnd() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        startFromLink(issued);
        click(By.id("add-step"));
        type(By.cssSelector(".step-card vaadin-text-area textarea"), "First");
        waitSaved();
        click(By.id("add-step"));
        type(By.cssSelector(".step-card:nth-child(2) vaadin-text-area textarea"), "Second");
        waitSaved();

        // Keyboard: Enter on "move step 2 up" puts it above step 1.
        WebElement up = waitFor(By.cssSelector("vaadin-button[aria-label='Move step 2 up']"));
        up.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForVaadin();
        waitUntil(d -> d.findElement(By.cssSelector(".step-card:nth-child(1) vaadin-text-area textarea"))
                .getAttribute("value").equals("Second"));

        // Mouse: drag the grip of step 2 ("First") onto step 1.
        ((JavascriptExecutor) driver).executeScript(
                "const grip = document.querySelectorAll('.step-card .step-grip')[1];"
                + "const target = document.querySelectorAll('.step-card')[0];"
                + "const dt = new DataTransfer();"
                + "grip.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));"
                + "target.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + "target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + "target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + "grip.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));");
        waitForVaadin();
        waitUntil(d -> d.findElement(By.cssSelector(".step-card:nth-child(1) vaadin-text-area textarea"))
                .getAttribute("value").equals("First"));
        waitUntil(d -> attempts.open(tokenOf(issued)).tasks().getFirst().answer().workflow().steps().getFirst()
                .description().equals("First"));

        // Near the end the countdown turns amber and says so to screen readers.
        jdbc.sql("update attempt set deadline = :soon where invitation_id = :id")
                .param("soon", Instant.now().plus(Duration.ofSeconds(270))).param("id", issued.invitation().id()).update();
        driver.navigate().refresh();
        waitForVaadin();
        waitUntil(d -> d.findElement(By.id("countdown")).getAttribute("class").contains("countdown-warn"));
        assertThat(driver.findElement(By.id("time-announcer")).getAttribute("textContent"))
                .isEqualTo("Five minutes left. Your work is saved.");
    }


    @Test
    void aRevokedOrUnknownLinkGetsAFriendlyPageThatSaysWhatToDo() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        SystemAuthentication.runAs("RECRUITER", () -> invitations.revoke(issued.invitation().id()));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);

        open("c/" + token);
        assertThat(waitFor(By.id("link-problem")).getText()).contains("no longer active", "Contact:");
        screenshot("candidate-revoked-link");
        assertAccessible("the revoked-link page");
        atPhoneWidth("candidate-revoked-link");

        IssuedInvitation late = invite(a);
        jdbc.sql("update invitation set start_deadline = :past where id = :id")
                .param("past", Instant.now().minus(Duration.ofMinutes(1))).param("id", late.invitation().id()).update();
        open("c/" + late.link().substring(late.link().lastIndexOf('/') + 1));
        assertThat(waitFor(By.id("link-problem")).getText()).contains("This invitation has expired", "Contact:");
        assertAccessible("the expired-link page");

        open("c/not-a-real-link");
        assertThat(waitFor(By.id("link-problem")).getText()).contains("This link doesn't work");
        assertAccessible("the unknown-link page");
        assertThat(driver.getPageSource()).doesNotContain("Exception");
    }
}
