package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.attempt.AssistantTurn;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.taskbank.AssessmentView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A candidate works with the assistant: asks for a draft (whose reply carries the planted wrong figure), follows
 * up with Ctrl+Enter, pastes the draft into the deliverable, and finds the conversation and the deliverable again
 * after a reload; at 1440 px and 390 px, with no serious accessibility problem.
 */
class CollaborationJourneyIT extends CandidateBrowserTest {

    @Test
    void aCandidateAsksTheAssistantPastesItsDraftAndLosesNothingOnReload() {
        AssessmentView a = collaborationAssessment();
        IssuedInvitation issued = invite(a);
        startFromLink(issued);
        assertThat(driver.findElement(By.id("task-brief")).getText()).containsIgnoringCase("The materials").contains("Q3");
        assertThat(driver.findElements(By.cssSelector("#task-brief .materials-table th"))).hasSize(2);
        assertThat(driver.findElement(By.id("assistant-log")).getText()).contains("No messages yet");

        type(By.cssSelector("#assistant-message textarea"), "Could you draft the summary for the sales director?");
        click(By.id("assistant-send"));
        waitUntil(d -> d.findElements(By.cssSelector("#assistant-log .chat-assistant")).size() == 1);
        String reply = driver.findElement(By.cssSelector("#assistant-log .chat-assistant .chat-text")).getText();
        assertThat(reply).contains("up 25% on Q2");
        assertThat(driver.findElement(By.id("assistant-count")).getText()).contains((AssistantTurn.MAX_TURNS - 1) + " of ");

        // Ctrl+Enter sends too; the follow-up answers because a draft came before.
        type(By.cssSelector("#assistant-message textarea"), "Make it shorter");
        driver.findElement(By.cssSelector("#assistant-message textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUntil(d -> d.findElements(By.cssSelector("#assistant-log .chat-assistant")).size() == 2);
        assertThat(driver.findElements(By.cssSelector("#assistant-log .chat-assistant")).get(1).getText())
                .contains("Q3 sales rose 25% to 120 units.");
        assertThat(driver.findElement(By.cssSelector("#assistant-message textarea")).getAttribute("value")).isEmpty();

        type(By.cssSelector("#collab-deliverable textarea"), reply);
        type(By.cssSelector("#collab-checks textarea"), "I read it through.");
        waitSaved();
        waitUntil(d -> saved(issued, 0).collaboration().deliverable().contains("up 25% on Q2"));
        screenshot("candidate-collaboration");
        assertAccessible("the AI-collaboration task");
        atPhoneWidth("candidate-collaboration");

        // An empty message is refused where it is typed; nothing is sent.
        click(By.id("assistant-send"));
        waitUntil(d -> d.findElement(By.id("assistant-message")).getAttribute("invalid") != null);
        assertThat(attempts.transcript(tokenOf(issued), 0)).hasSize(2);

        driver.navigate().refresh();
        waitFor(By.id("assistant-log"));
        waitUntil(d -> d.findElements(By.cssSelector("#assistant-log .chat-assistant")).size() == 2);
        assertThat(driver.findElement(By.id("assistant-log")).getText())
                .contains("Could you draft the summary for the sales director?").contains("Make it shorter");
        assertThat(driver.findElement(By.cssSelector("#collab-deliverable textarea")).getAttribute("value"))
                .contains("up 25% on Q2");
    }
}
