package dev.assay.review.ui;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentView;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reviewer opens a submission whose candidate handed in the assistant's flawed draft: the scoring view shows
 * the conversation with the planted flawed text marked, and says which planted flaws reached the deliverable;
 * blind, and with no serious accessibility problem, at 1440 px and 390 px.
 */
class CollaborationScoringIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theReviewerSeesTheTranscriptAndThatTheWrongCalculationReachedTheDeliverable() {
        AssessmentView a = fixtures.collaborationAssessment();
        IssuedPassword reviewer = StaffFixtures.create(staff, "Transcript Reviewer", StaffRole.REVIEWER);
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.member().id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted candidate = fixtures.submit(a, "Petra Pasteall");
        long assignment = as(reviewer.member(), () -> reviews.queue()).stream()
                .filter(i -> i.candidateCode().equals(candidate.code())).findFirst().orElseThrow().assignmentId();

        signIn(reviewer.member().email(), reviewer.password());
        open("reviews/" + assignment);
        waitFor(By.id("collab-evidence"));
        String evidence = driver.findElement(By.id("collab-evidence")).getText();
        assertThat(evidence).contains("Planted flaws: 2 of 2 served · 2 reached the deliverable · 0 corrected.")
                .contains("Planted flaw 1 (wrong calculation) reached the deliverable")
                .contains("Planted flaw 2 (fabricated fact) reached the deliverable")
                .contains("100% of the deliverable's");
        assertThat(driver.findElements(By.cssSelector("#review-transcript mark"))).extracting(e -> e.getText())
                .containsExactly("25%", "driven by the new pricing");
        assertThat(driver.findElement(By.id("review-transcript")).getText())
                .contains("Draft the summary for the sales director").contains("intent draft-summary");
        String page = driver.getPageSource().toLowerCase();
        assertThat(page).doesNotContain("petra").doesNotContain("pasteall");
        js("document.getElementById('review-transcript').scrollIntoView({block: 'start'})");
        screenshot("reviewer-collaboration");
        assertThat(seriousAccessibilityViolations()).as("serious accessibility problems on the scoring view").isEmpty();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waitForVaadin();
        js("document.getElementById('collab-evidence').scrollIntoView({block: 'start'})");
        screenshot("reviewer-collaboration-phone");
        Object wide = js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
                + "'#scoring-view *')].filter(e => e.getBoundingClientRect().right > w + 1).length");
        assertThat(((Number) wide).intValue()).as("elements wider than the phone's screen").isZero();
        assertThat(seriousAccessibilityViolations()).as("at 390 px").isEmpty();

        // Scored and closed: the recruiter's rank card says what became of the planted flaws.
        fixtures.scoreAll(reviewer.member(), assignment, 2, "Shipped the assistant's errors.");
        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        long submission = jdbc.queryForObject("SELECT id FROM review_submission WHERE invitation_id = ?", Long.class,
                candidate.invitationId());
        IssuedPassword recruiterLogin = StaffFixtures.create(staff, "Card Recruiter", StaffRole.RECRUITER);
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        signIn(recruiterLogin.member().email(), recruiterLogin.password());
        open("recruiter/rank-card/" + submission);
        waitFor(By.id("card-collaboration"));
        assertThat(driver.findElement(By.id("card-collaboration")).getText())
                .contains("the assistant served 2 of 2 planted flaws; 2 reached the deliverable, 0 were corrected")
                .contains("Planted flaw 1 (wrong calculation) reached the deliverable.");
        js("document.getElementById('card-collaboration').scrollIntoView({block: 'center'})");
        screenshot("rank-card-collaboration");
    }
}
