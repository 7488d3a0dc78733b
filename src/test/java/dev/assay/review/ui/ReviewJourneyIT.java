package dev.assay.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.ReviewFixtures;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A candidate has submitted. The recruiter sets up a two-reviewer panel; both reviewers find the review
 * in their queues and score it blind, with the flag check on the critique task; they disagree by two
 * levels, the submission is flagged, one reviewer records a reconciled score; the board shows it and the
 * admin's audit log verifies. Every page a reviewer opens is checked for the candidate's name and email.
 */
class ReviewJourneyIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final List<String> reviewerPagesChecked = new ArrayList<>();

    private WebElement visible(By locator) {
        waitUntil(d -> d.findElements(locator).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    /** Waits for any closing dialog first, and clicks the visible one of several matching elements. */
    @Override
    protected void click(By locator) {
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty()
                || !d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]")).isEmpty());
        WebElement element = visible(locator);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForVaadin();
    }

    /** Types into the visible one of several matching fields, replacing what is there. */
    @Override
    protected void type(By locator, String text) {
        WebElement input = visible(locator);
        js("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        input.sendKeys(text);
    }

    /** Blindness: nothing on the page a reviewer sees names the candidate. */
    private void assertBlind(ReviewFixtures.Submitted candidate, String where) {
        waitForVaadin();
        String source = driver.getPageSource();
        String lower = source.toLowerCase();
        assertThat(lower).as("candidate's name on " + where).doesNotContain(candidate.name().toLowerCase());
        assertThat(lower).as("candidate's email on " + where).doesNotContain(candidate.email().toLowerCase());
        assertThat(lower).as("candidate's email user on " + where)
                .doesNotContain(candidate.email().substring(0, candidate.email().indexOf('@')).toLowerCase());
        assertThat(driver.getTitle()).doesNotContainIgnoringCase(candidate.name());
        // Nor what the candidate answered about themselves (stored for this candidate before review began).
        assertThat(lower).as("self-identification on " + where).doesNotContain("native hawaiian")
                .doesNotContain("another gender").doesNotContain("self-identification");
        reviewerPagesChecked.add(where);
    }

    private void signOutAndIn(IssuedPassword who) {
        driver.manage().deleteAllCookies();
        signIn(who.member().email(), who.password());
    }

    private void pickReviewer(String name) {
        WebElement input = visible(By.cssSelector("#panel-members input"));
        input.click();
        input.sendKeys(name);
        By item = By.xpath("//vaadin-multi-select-combo-box-item[contains(normalize-space(.), '" + name + "')]");
        waitUntil(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        waitForVaadin();
        long before = ((Number) js("return document.getElementById('panel-members').selectedItems.length")).longValue();
        visible(item).click();
        waitUntil(d -> ((Number) js("return document.getElementById('panel-members').selectedItems.length")).longValue()
                > before);
        input.sendKeys(Keys.ESCAPE);
        waitForVaadin();
    }

    /** Scores one criterion: the level's radio button, and a justification when one is given. */
    private void score(String cellId, int level, String justification) {
        click(By.cssSelector("#" + cellId + " vaadin-radio-button:nth-of-type(" + level + ")"));
        waitUntil(d -> String.valueOf(level).equals(String.valueOf(js(
                "return document.querySelector('#' + arguments[0] + ' vaadin-radio-group').value", cellId))));
        if (justification != null) {
            type(By.cssSelector("#" + cellId + " vaadin-text-area textarea"), justification);
        }
    }

    private void openSection(int index) {
        List<WebElement> jumps = driver.findElements(By.cssSelector("#task-jump vaadin-button"));
        jumps.get(index).click();
        waitForVaadin();
    }

    private void scoreAndSubmit(IssuedPassword reviewer, ReviewFixtures.Submitted candidate, int[] levels,
            String comment) {
        signOutAndIn(reviewer);
        waitFor(By.id("review-queue"));
        assertBlind(candidate, "the queue of " + reviewer.member().fullName());
        assertThat(driver.findElement(By.id("review-queue")).getText()).contains(candidate.code());
        assertThat(seriousAccessibilityViolations()).as("the review queue").isEmpty();
        click(By.cssSelector("#review-queue vaadin-button"));
        waitFor(By.id("scoring-view"));
        assertThat(driver.findElement(By.id("review-banner")).getText()).contains("stay hidden until you submit");
        String[] cells = {"score-0-workflow-thinking", "score-1-automation-instinct", "score-2-ai-critique"};
        for (int i = 0; i < cells.length; i++) {
            openSection(i);
            waitFor(By.id(cells[i]));
            assertBlind(candidate, "task " + (i + 1) + " of the scoring view");
            if (i == 0) {
                assertThat(seriousAccessibilityViolations()).as("the scoring view").isEmpty();
            }
            if (i == 2) {
                String check = waitFor(By.id("flag-check")).getText();
                assertThat(check).contains("Found 1 of 2 planted flaws").contains("Missed").contains("Segment 3");
                assertThat(check).contains("120/100 is 20%, not 25%.");
            }
            score(cells[i], levels[i], levels[i] == 1 || levels[i] == 5 ? "Clear evidence in the answer." : null);
        }
        openSection(3);
        type(By.cssSelector("#overall-comment textarea"), comment);
        screenshot("review-scoring-" + reviewer.member().fullName().replace(' ', '-').toLowerCase());
        click(By.id("submit-scorecard"));
        click(By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitUntil(d -> d.findElement(By.id("scorecard-status")).getText().contains("Submitted"));
        waitFor(By.id("panel-scores"));
        assertBlind(candidate, "the submitted scorecard of " + reviewer.member().fullName());
    }

    @Test
    void twoReviewersScoreBlindDisagreeAndReconcileAndTheAuditLogVerifies() {
        AssessmentView assessment = fixtures.assessment();
        IssuedPassword alpha = StaffFixtures.create(staff, "Alpha Reviewer", StaffRole.REVIEWER);
        IssuedPassword beta = StaffFixtures.create(staff, "Beta Reviewer", StaffRole.REVIEWER);
        IssuedPassword recruiter = StaffFixtures.create(staff, "Board Recruiter", StaffRole.RECRUITER);
        IssuedPassword admin = StaffFixtures.create(staff, "Audit Admin", StaffRole.ADMIN);
        ReviewFixtures.Submitted candidate = fixtures.submit(assessment, "Zofia Quintero");
        jdbc.update("INSERT INTO self_identification (invitation_id, assessment_id, sex, race_ethnicity, answered_at) "
                + "VALUES (?, ?, 'ANOTHER', 'NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER', CURRENT_TIMESTAMP)",
                candidate.invitationId(), assessment.id());

        // The recruiter puts two reviewers on the panel; the waiting submission is assigned to both.
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/review/" + assessment.id());
        waitFor(By.id("panel-setup"));
        assertThat(driver.findElement(By.id("board-stats")).getText()).contains("Unassigned");
        pickReviewer("Alpha Reviewer");
        pickReviewer("Beta Reviewer");
        // Every chosen reviewer stays visible as a chip; none hides behind a "+1".
        assertThat(((Number) js("return [...document.querySelectorAll('#panel-members vaadin-multi-select-combo-box-chip')]"
                + ".filter(c => c.slot !== 'overflow' && !c.hidden && c.offsetParent !== null).length")).intValue())
                .isEqualTo(2);
        click(By.id("save-panel"));
        waitUntil(d -> d.findElement(By.id("submission-grid")).getText().contains("In progress"));
        assertThat(driver.findElement(By.id("submission-grid")).getText()).contains("Zofia Quintero")
                .contains("Alpha Reviewer · not started").contains("Beta Reviewer · not started");

        scoreAndSubmit(alpha, candidate, new int[] {2, 3, 2}, "Thin workflow; the memo check missed a flaw.");
        assertThat(driver.findElement(By.id("panel-scores")).getText()).contains("have not submitted yet");

        scoreAndSubmit(beta, candidate, new int[] {4, 3, 4}, "Sound design; caught the key calculation error.");
        String panel = driver.findElement(By.id("panel-scores")).getText();
        assertThat(panel).contains("Alpha Reviewer").contains("Thin workflow");
        assertThat(driver.findElement(By.id("flag-state")).getText()).contains("Flagged");

        // Beta records the level the two agreed on for each disputed criterion.
        List<WebElement> picks = driver.findElements(By.cssSelector("#reconcile-form vaadin-select"));
        assertThat(picks).hasSize(2);
        for (int i = 0; i < picks.size(); i++) {
            WebElement select = driver.findElements(By.cssSelector("#reconcile-form vaadin-select")).get(i);
            js("arguments[0].scrollIntoView({block: 'center'})", select);
            select.click();
            click(By.xpath("//vaadin-select-item[normalize-space(.)='3' and not(starts-with(@id, 'value-'))]"));
            final int index = i;
            waitUntil(d -> "3".equals(String.valueOf(js(
                    "return document.querySelectorAll('#reconcile-form vaadin-select')[arguments[0]].value", index))));
        }
        type(By.cssSelector("#reconcile-reason textarea"), "Talked it through: both answers sit at level 3.");
        click(By.id("record-reconciliation"));
        waitUntil(d -> d.findElement(By.id("flag-state")).getText().contains("Disagreement resolved"));
        assertBlind(candidate, "the reconciled scorecard");
        // The adverse-impact pages, where answers are counted, are not a reviewer's.
        for (String path : List.of("recruiter/fairness/" + assessment.id(), "recruiter/bias-audit/" + assessment.id())) {
            open(path);
            assertBlind(candidate, path + " (refused)");
            assertThat(driver.findElements(By.id("fairness-view"))).isEmpty();
        }
        screenshot("review-reconciled");

        // The recruiter's board shows the flag and its resolution.
        signOutAndIn(recruiter);
        open("recruiter/review/" + assessment.id());
        waitFor(By.id("submission-grid"));
        String board = driver.findElement(By.id("submission-grid")).getText();
        assertThat(board).contains("Complete").contains("Reconciled score")
                .contains("Talked it through: both answers sit at level 3.");
        // The flag names the task, the criterion and each reviewer's level in words, not internal keys.
        assertThat(board).contains("Task 1 · ").contains("Alpha Reviewer 2").contains("Beta Reviewer 4")
                .doesNotContain("workflow-thinking");
        screenshot("review-board");
        assertThat(seriousAccessibilityViolations()).as("the review board").isEmpty();

        // Every step is in the audit log, and the chain verifies.
        signOutAndIn(admin);
        open("admin/audit");
        waitFor(By.id("verify-chain"));
        click(By.id("verify-chain"));
        waitUntil(d -> d.findElement(By.id("chain-result")).getText().contains("The chain is intact"));
        String log = driver.findElement(By.id("audit-grid")).getText();
        assertThat(log).contains("Scores reconciled").doesNotContain("submission.reconciled")
                .doesNotContain("scorecard.draft_saved");
        assertThat(reviewerPagesChecked).hasSizeGreaterThanOrEqualTo(10);
    }
}
