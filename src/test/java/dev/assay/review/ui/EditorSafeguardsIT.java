package dev.assay.review.ui;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editors protect what people type: the scoring view checks a scorecard before asking to submit it and
 * marks each field that needs something and saves as the reviewer types; every other editor asks before unsaved
 * edits are left behind.
 */
class EditorSafeguardsIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Test
    void aScorecardWithGapsIsMarkedFieldByFieldInsteadOfAskingToSubmit() {
        AssessmentView a = fixtures.assessment();
        var member = StaffFixtures.create(staff, "Gap Reviewer", StaffRole.REVIEWER);
        recruiter(() -> panels.savePanel(a.id(), Set.of(member.member().id()), 1, 0, 5, -1));
        fixtures.submit(a, "Gina Gaps");
        signIn(member.member().email(), member.password());
        click(By.cssSelector("#review-queue vaadin-button"));
        waitFor(By.id("scoring-view"));
        assertThat(driver.findElement(By.id("scorecard-status")).getDomProperty("textContent")).isEqualTo("Not started");

        // A 5 without a justification, everything else empty.
        click(By.cssSelector("#score-0-workflow-thinking vaadin-radio-button:nth-of-type(5)"));
        click(By.id("submit-scorecard"));
        assertThat(driver.findElements(By.cssSelector("vaadin-confirm-dialog[opened]"))).as("no confirmation yet").isEmpty();
        String problems = waitFor(By.id("score-problems")).getText();
        assertThat(problems).contains("Not submitted yet").contains("Justify the 5: Task 1 · ")
                .contains("Write the overall comment");
        assertThat(driver.findElement(By.cssSelector("#score-0-workflow-thinking vaadin-text-area"))
                .getDomAttribute("invalid")).as("the justification is marked").isNotNull();
        assertThat(driver.findElement(By.cssSelector("#score-1-automation-instinct vaadin-radio-group"))
                .getDomAttribute("invalid")).as("a missing level is marked").isNotNull();
        assertThat(driver.findElement(By.id("overall-comment")).getDomAttribute("invalid")).isNotNull();
        screenshot("scoring-gaps");

        // Fixing a field clears its mark; a draft save shows in the header.
        driver.findElement(By.cssSelector("#score-0-workflow-thinking vaadin-text-area textarea"))
                .sendKeys("Every step has a check.");
        waitUntil(d -> d.findElement(By.cssSelector("#score-0-workflow-thinking vaadin-text-area"))
                .getDomAttribute("invalid") == null);
        click(By.id("save-draft"));
        waitUntil(d -> d.findElement(By.id("scorecard-status")).getDomProperty("textContent").equals("Draft saved"));

        // Typing is saved as a draft by itself (at once, or by the save the page asks for after the last keystroke
        // when the previous save was under a second ago): then leaving asks nothing and loses nothing.
        driver.findElement(By.cssSelector("#overall-comment textarea")).sendKeys("Half a thought");
        waitForVaadin();
        waitUntil(d -> "false".equals(js("return document.body.dataset.unsaved")));
        // More right after a save: stored by the save the page asks for after the last keystroke.
        driver.findElement(By.cssSelector("#overall-comment textarea")).sendKeys(", then more");
        waitForVaadin();
        waitUntil(d -> "false".equals(js("return document.body.dataset.unsaved")));
        click(By.cssSelector("#main-nav vaadin-side-nav-item[path='reviews']"));
        waitUntil(d -> path().equals("reviews"));
        assertThat(driver.findElements(By.cssSelector("#unsaved-changes[opened]"))).isEmpty();
        click(By.cssSelector("#review-queue vaadin-button"));
        waitFor(By.id("scoring-view"));
        assertThat(driver.findElement(By.cssSelector("#overall-comment textarea")).getDomProperty("value"))
                .isEqualTo("Half a thought, then more");
    }

    @Test
    void theRubricAndAssessmentEditorsAskBeforeDroppingEdits() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Guarded Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());

        for (String editor : List.of("recruiter/role", "recruiter/assessment")) {
            open(editor);
            WebElement name = waitFor(By.cssSelector(editor.endsWith("role") ? "#role-name input" : "#assessment-title input"));
            name.sendKeys("Half-typed " + editor);
            name.sendKeys(org.openqa.selenium.Keys.TAB);
            waitUntil(d -> "true".equals(js("return document.body.dataset.unsaved")));
            click(By.cssSelector("#main-nav vaadin-side-nav-item[path='recruiter/tasks']"));
            waitFor(By.cssSelector("#unsaved-changes[opened]"));
            // "Leave without saving" leaves, and the next page has nothing unsaved.
            click(By.cssSelector("#unsaved-changes vaadin-button[slot='reject-button']"));
            waitUntil(d -> path().startsWith("recruiter/tasks"));
            assertThat(js("return document.body.dataset.unsaved")).isEqualTo("false");
        }
    }
}
