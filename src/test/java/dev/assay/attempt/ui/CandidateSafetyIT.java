package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.attempt.Answer;
import dev.assay.invitation.IssuedInvitation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * Nothing a candidate types is lost or overwritten: not by a reload or a closed tab a moment after typing,
 * not by a second tab of the same attempt, not by a slip of the remove button.
 */
class CandidateSafetyIT extends CandidateBrowserTest {

    /**
     * Types into a field as the page sees it (an input event) and, in the same script, before the page's
     * one-second pause can send it, runs {@code then}: the text is then only in the page.
     */
    private void typeThen(String fieldCss, String text, String then) {
        js("const host = document.querySelector(arguments[0]);"
                + "const input = host.querySelector('textarea, input');"
                + "input.value = arguments[1]; input.dispatchEvent(new Event('input', {bubbles: true}));"
                + "window.assayTypedUnconfirmed = window.assayDrafts.pending();" + then, fieldCss, text);
    }

    @Test
    void textTypedAMomentBeforeAReloadIsKeptAndSavedAfterIt() {
        IssuedInvitation issued = invite(assessment());
        startFromLink(issued);
        typeThen("#workflow-risks", "Typed a moment before the reload", "window.assayCheck = window.assayTypedUnconfirmed;");
        assertThat(js("return window.assayCheck")).as("the text was not yet confirmed by the server").isEqualTo(true);
        driver.navigate().refresh();
        waitForVaadin();
        waitUntil(d -> "Typed a moment before the reload".equals(
                d.findElement(By.cssSelector("#workflow-risks textarea")).getAttribute("value")));
        waitUntil(d -> "Typed a moment before the reload".equals(saved(issued, 0).workflow().risks()));
        assertThat(js("return window.assayDrafts.pending()")).as("nothing left unconfirmed").isEqualTo(false);
    }

    @Test
    void textTypedAsTheTabClosesReachesTheServer() {
        IssuedInvitation issued = invite(assessment());
        startFromLink(issued);
        click(By.id("task-3"));
        typeThen("#critique-corrected", "Typed as the tab closed", "location.href = 'about:blank';");
        waitUntil(d -> "Typed as the tab closed".equals(saved(issued, 2).critique().corrected()));
    }

    @Test
    void textFollowsItsStepWhenTheStepMovesBeforeTheTextWasSaved() {
        IssuedInvitation issued = invite(assessment());
        startFromLink(issued);
        click(By.id("add-step"));
        type(By.cssSelector(".step-card:nth-child(1) vaadin-text-area textarea"), "First");
        waitSaved();
        click(By.id("add-step"));
        waitUntil(d -> saved(issued, 0).workflow().steps().size() == 2);
        typeThen(".step-card:nth-child(2) vaadin-text-area", "Second, moved up at once",
                "document.querySelector(\"vaadin-button[aria-label='Move step 2 up']\").click();");
        waitForVaadin();
        driver.navigate().refresh();
        waitForVaadin();
        waitUntil(d -> "Second, moved up at once".equals(
                d.findElement(By.cssSelector(".step-card:nth-child(1) vaadin-text-area textarea")).getAttribute("value")));
        assertThat(driver.findElement(By.cssSelector(".step-card:nth-child(2) vaadin-text-area textarea"))
                .getAttribute("value")).isEqualTo("First");
        waitUntil(d -> saved(issued, 0).workflow().steps().stream().map(Answer.Step::description).toList()
                .equals(List.of("Second, moved up at once", "First")));
    }

    @Test
    void aSecondTabTakesOverAndTheFirstStopsSavingAndSaysWhichTabIsActive() {
        IssuedInvitation issued = invite(assessment());
        startFromLink(issued);
        String first = driver.getWindowHandle();
        type(By.cssSelector("#workflow-risks textarea"), "From the first tab");
        waitSaved();

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(linkHere(issued));
        waitForVaadin();
        String second = driver.getWindowHandle();
        WebElementValue.clearAndType(waitFor(By.cssSelector("#workflow-risks textarea")), "From the second tab");
        waitSaved();

        // The first tab, typing on, is told that the other tab saves now, and overwrites nothing.
        driver.switchTo().window(first);
        type(By.cssSelector("#workflow-risks textarea"), " and more from the first");
        waitFor(By.id("other-tab"));
        assertThat(driver.findElement(By.id("other-tab")).getText()).contains("open in another tab");
        assertThat(driver.findElement(By.id("save-state")).getText()).isEqualTo("Not saving in this tab");
        screenshot("candidate-other-tab");
        assertAccessible("a tab another tab took over");
        assertThat(saved(issued, 0).workflow().risks()).isEqualTo("From the second tab");
        click(By.id("review"));
        assertThat(driver.findElements(By.id("review-page"))).as("a replaced tab cannot go on to submit").isEmpty();

        // Continuing in the first tab loads what the second saved, and the second tab is then told in turn.
        click(By.id("continue-here"));
        waitUntil(d -> "From the second tab".equals(
                d.findElement(By.cssSelector("#workflow-risks textarea")).getAttribute("value")));
        assertThat(driver.findElements(By.id("other-tab"))).isEmpty();
        driver.switchTo().window(second);
        type(By.cssSelector("#workflow-risks textarea"), "!");
        waitFor(By.id("other-tab"));
        assertThat(saved(issued, 0).workflow().risks()).isEqualTo("From the second tab");
    }

    @Test
    void removingAStepOrAFlagWithWritingInItCanBeUndone() {
        IssuedInvitation issued = invite(assessment());
        startFromLink(issued);
        click(By.id("add-step"));
        type(By.cssSelector(".step-card vaadin-text-area textarea"), "Pull the three exports");
        waitSaved();
        click(By.cssSelector("vaadin-button[aria-label='Remove step 1']"));
        waitFor(By.id("undo-step"));
        assertThat(driver.findElement(By.id("undo-step")).getText()).contains("Step 1 removed");
        waitUntil(d -> saved(issued, 0).workflow().steps().isEmpty());
        screenshot("candidate-undo-step");
        click(By.cssSelector("#undo-step vaadin-button"));
        waitUntil(d -> "Pull the three exports".equals(
                d.findElement(By.cssSelector(".step-card vaadin-text-area textarea")).getAttribute("value")));
        waitUntil(d -> saved(issued, 0).workflow().steps().size() == 1);
        assertThat(driver.findElements(By.id("undo-step"))).isEmpty();

        click(By.id("task-3"));
        click(By.cssSelector("vaadin-button[aria-label='Flag segment 1']"));
        type(By.cssSelector(".flag-row.flagged vaadin-text-area textarea"), "120 on 100 is 20%, not 25%.");
        waitSaved();
        click(By.cssSelector("vaadin-button[aria-label='Remove flag on segment 1']"));
        waitFor(By.cssSelector(".flag-row .undo-note"));
        waitUntil(d -> saved(issued, 2).critique().flags().isEmpty());
        click(By.cssSelector(".flag-row .undo-note vaadin-button"));
        waitUntil(d -> {
            List<Answer.Flag> flags = new ArrayList<>(saved(issued, 2).critique().flags());
            return flags.size() == 1 && flags.getFirst().explanation().equals("120 on 100 is 20%, not 25%.");
        });
    }

    /** Clearing a Vaadin text field's native input the way a person would: select all, then type. */
    private static final class WebElementValue {
        static void clearAndType(org.openqa.selenium.WebElement input, String text) {
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
        }
    }
}
