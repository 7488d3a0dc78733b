package dev.assay.ranking.ui;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
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

/** A recruiter records decisions from the ranking for a selection, and changes one on the rank card with a reason. */
class DecisionJourneyIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Test
    void aRecruiterDecidesForASelectionAndChangesOneDecisionWithAReason() {
        AssessmentView a = fixtures.assessment();
        var reviewer = fixtures.reviewer("Decision Journey Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        for (String name : List.of("Pia Advance", "Quinn Advance", "Rui Later")) {
            fixtures.submit(a, name);
        }
        int level = 5;
        for (QueueItem item : as(reviewer, () -> reviews.queue())) {
            fixtures.scoreAll(reviewer, item.assignmentId(), level--, "Scored for the decision journey.");
        }
        IssuedPassword recruiter = StaffFixtures.create(staff, "Deciding Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/ranking/" + a.id());
        assertThat(waitFor(By.id("decision-principle")).getText()).contains("people decide");
        WebElement decide = waitFor(By.id("record-decision"));
        assertThat(decide.getDomAttribute("disabled")).as("nothing selected yet").isNotNull();
        assertThat(waitFor(By.id("ranking-grid")).getText()).contains("not decided").contains("No band");
        // One reviewer per submission: no score has an error, so no bands are claimed.
        assertThat(driver.findElement(By.id("band-explainer")).getText()).contains("Bands cannot be formed yet");

        // The two best-placed candidates are selected and advanced together.
        List<WebElement> boxes = driver.findElements(By.cssSelector("#ranking-grid vaadin-checkbox"))
                .stream().filter(b -> {
                    String cls = b.getDomAttribute("class");
                    return cls == null || !cls.contains("select-all");
                }).toList();
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement box : boxes.subList(0, 2)) {
            js("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
        waitUntil(d -> d.findElement(By.id("record-decision")).getText().contains("2 selected"));
        click(By.id("record-decision"));
        waitFor(By.id("decision-dialog"));
        // Saving without choosing marks the choice.
        click(By.id("decision-save"));
        waitUntil(d -> d.findElement(By.id("decision-outcome")).getDomAttribute("invalid") != null);
        click(By.cssSelector("#decision-outcome vaadin-radio-button:nth-of-type(1)"));
        click(By.id("decision-save"));
        waitUntil(d -> d.findElements(By.cssSelector("#ranking-grid .decision-advance")).size() == 2);
        screenshot("ranking-with-decisions");

        // On the first one's rank card: a change needs a reason, asked for next to the field.
        click(By.cssSelector("#ranking-grid .rank-card-link"));
        waitFor(By.id("card-decision"));
        assertThat(driver.findElement(By.id("card-decision")).getText()).contains("Advance");
        // One review per candidate leaves no standard error to show: the card says so rather than "NaN".
        // (The whole card's text, scrolled into view or not.)
        assertThat(String.valueOf(driver.findElement(By.id("rank-card")).getDomProperty("textContent")))
                .doesNotContain("NaN").contains("no error estimate from one review");
        click(By.id("card-record-decision"));
        waitFor(By.id("decision-dialog"));
        click(By.cssSelector("#decision-outcome vaadin-radio-button:nth-of-type(3)"));
        click(By.id("decision-save"));
        waitUntil(d -> d.findElement(By.id("decision-reason")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("decision-reason")).getText()).contains("Give a reason");
        type(By.cssSelector("#decision-reason textarea"), "Withdrew from the process.");
        click(By.id("decision-save"));
        waitUntil(d -> d.findElements(By.cssSelector("#decision-history p")).size() == 2);
        List<WebElement> lines = driver.findElements(By.cssSelector("#decision-history p"));
        assertThat(lines.get(0).getText()).startsWith("Decline").contains("Withdrew from the process.")
                .contains(recruiter.member().email());
        assertThat(lines.get(1).getText()).startsWith("Advance");
        screenshot("rank-card-decision-history");

        // The candidate asks how they were assessed: the explanation is theirs alone, in plain words.
        click(By.id("card-explanation"));
        waitFor(By.id("explanation-view"));
        String text = driver.findElement(By.id("explanation-view")).getText();
        assertThat(text).contains("How your assessment was assessed").contains("For C-")
                .contains("Workflow thinking").contains("no bands were formed")
                .contains("too few to show").as("three candidates are too few for a range");
        assertThat(driver.findElement(By.id("explanation-decision")).getText())
                .contains("A person, not Assay, decided: decline").contains("Withdrew from the process.");
        String source = driver.findElement(By.id("explanation-view")).getDomProperty("innerHTML");
        assertThat(source).as("no reviewer, no recruiter, no other candidate").doesNotContain(reviewer.fullName())
                .doesNotContain(recruiter.member().email()).doesNotContain(recruiter.member().fullName())
                .doesNotContain("Quinn Advance").doesNotContain("Rui Later").doesNotContain("NaN");
        assertThat(seriousAccessibilityViolations()).as("the candidate explanation").isEmpty();
        screenshot("candidate-explanation");
    }
}
