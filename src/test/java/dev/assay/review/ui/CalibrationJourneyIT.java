package dev.assay.review.ui;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.AssignmentOrigin;
import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardInput;
import dev.assay.review.ScoringSheet;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calibration story as people live it: a recruiter builds a calibration set for a new round from a reviewed
 * submission of the last one and requires calibration on the review board; a new reviewer finds only the example,
 * fails, reads the key and its rationale next to their own levels, starts another round, passes, and only then
 * finds the live review in their queue. The reviewer's pages never show whose work the example was.
 */
class CalibrationJourneyIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    AssessmentService assessments;

    private WebElement visible(By locator) {
        waitUntil(d -> d.findElements(locator).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    @Override
    protected void click(By locator) {
        WebElement element = visible(locator);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForVaadin();
    }

    private void scoreAll(StaffMember reviewer, long assignmentId, int level) {
        as(reviewer, () -> {
            ScoringSheet sheet = reviews.sheet(assignmentId);
            List<ScoreCell> cells = new ArrayList<>();
            sheet.tasks().forEach(t -> t.criterionKeys().forEach(k -> cells.add(new ScoreCell(t.position(), k, level,
                    "Evidence noted."))));
            return reviews.submit(assignmentId, new ScorecardInput(cells, "Calibration attempt."), sheet.version(), null);
        });
    }

    @Test
    void aRecruiterBuildsACalibrationSetAndANewReviewerEarnsLiveWork() {
        // The last round: one submission scored 4 on everything by two reviewers.
        AssessmentView earlier = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Last Round One");
        StaffMember r2 = fixtures.reviewer("Last Round Two");
        recruiter(() -> panels.savePanel(earlier.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted source = fixtures.submit(earlier, "Example Source");
        for (StaffMember r : List.of(r1, r2)) {
            as(r, () -> reviews.queue()).forEach(i -> fixtures.scoreAll(r, i.assignmentId(), 4, "Solid."));
        }
        AssessmentView round = recruiter(() -> {
            AssessmentSpec spec = assessments.get(earlier.id()).spec();
            return assessments.open(assessments.create(new AssessmentSpec("Spring round " + earlier.title(),
                    spec.roleId(), spec.totalMinutes(), spec.intro(), spec.accommodationsAllowed(), spec.slots())).id());
        });
        ReviewFixtures.Submitted live = fixtures.submit(round, "Live Applicant");
        IssuedPassword newcomer = StaffFixtures.create(staff, "Nora Newcomer", StaffRole.REVIEWER);
        recruiter(() -> panels.savePanel(round.id(), Set.of(newcomer.member().id()), 1, 0, 5, -1));

        // The recruiter builds the set: one example, the suggested key of 4 everywhere, with a rationale.
        IssuedPassword recruiter = StaffFixtures.create(staff, "Calibrating Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/calibration/" + round.id());
        waitFor(By.id("calibration-add"));
        assertThat(driver.findElement(By.id("calibration-items")).getText()).contains("No examples yet");
        click(By.id("calibration-source"));
        click(By.xpath("//vaadin-select-item[contains(normalize-space(.), '" + source.code() + "')]"));
        waitUntil(d -> !d.findElements(By.cssSelector(".calibration-editor-row")).isEmpty());
        List<WebElement> rationales = driver.findElements(By.cssSelector(".calibration-editor-row vaadin-text-field input"));
        assertThat(rationales).isNotEmpty();
        for (WebElement r : rationales) {
            js("arguments[0].scrollIntoView({block: 'center'})", r);
            r.sendKeys("Each step names its owner and how the result is checked.");
        }
        click(By.id("calibration-add-item"));
        waitUntil(d -> d.findElement(By.id("calibration-items")).getText().contains("Calibration example 1"));
        assertThat(driver.findElement(By.id("calibration-items")).getText()).contains("Key 4")
                .contains("Each step names its owner").doesNotContain(source.code()).doesNotContain(source.name());
        assertThat(seriousAccessibilityViolations()).as("the calibration page").isEmpty();
        screenshot("calibration-set");

        // On the review board: require calibration for this panel.
        open("recruiter/review/" + round.id());
        waitFor(By.id("panel-calibration"));
        assertThat(driver.findElement(By.id("open-calibration")).getText()).contains("1 example");
        click(By.cssSelector("#panel-calibration label"));
        waitUntil(d -> "true".equals(String.valueOf(js("return document.getElementById('panel-calibration').checked"))));
        click(By.id("save-panel"));
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("Panel saved")));
        screenshot("review-board-rules");

        // The newcomer: the example and nothing live; the banner says what to do.
        driver.manage().deleteAllCookies();
        signIn(newcomer.member().email(), newcomer.password());
        waitFor(By.id("review-queue"));
        String home = driver.findElement(By.id("calibration-" + round.id())).getText();
        assertThat(home).contains("Score the 1 calibration example").contains("at least 80%");
        List<QueueItem> queue = as(newcomer.member(), () -> reviews.queue());
        assertThat(queue).singleElement().satisfies(i -> assertThat(i.origin()).isEqualTo(AssignmentOrigin.CALIBRATION));
        String page = driver.getPageSource();
        assertThat(page).contains("Calibration example 1").doesNotContain(live.code()).doesNotContain(source.code())
                .doesNotContain(source.name());
        screenshot("calibration-queue");

        // Round 1 at level 1: three levels off. The feedback shows the key, both anchors and the rationale.
        scoreAll(newcomer.member(), queue.getFirst().assignmentId(), 1);
        open("reviews/" + queue.getFirst().assignmentId());
        waitFor(By.id("calibration-feedback"));
        String feedback = driver.findElement(By.id("calibration-feedback")).getText();
        assertThat(feedback).contains("You 1 · key 4 · 3 levels apart").contains("Key, level 4:")
                .contains("Yours, level 1:").contains("Why the key says 4: Each step names its owner");
        assertThat(driver.getPageSource()).doesNotContain(source.code()).doesNotContain(source.name());
        assertThat(seriousAccessibilityViolations()).as("calibration feedback").isEmpty();
        screenshot("calibration-feedback");

        // Another round, at the key: passed, and the live review arrives.
        open("reviews");
        click(By.id("calibration-retake-" + round.id()));
        waitUntil(d -> d.findElements(By.id("calibration-retake-" + round.id())).isEmpty());
        QueueItem second = as(newcomer.member(), () -> reviews.queue()).stream().filter(i -> !i.done()).findFirst()
                .orElseThrow();
        scoreAll(newcomer.member(), second.assignmentId(), 4);
        open("reviews");
        waitFor(By.id("review-queue"));
        assertThat(driver.findElement(By.id("calibration-" + round.id())).getText()).contains("Calibrated");
        assertThat(driver.findElement(By.id("review-queue")).getText()).contains(live.code());
        screenshot("calibration-passed");
    }
}
