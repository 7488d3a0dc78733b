package dev.assay.fairness.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.fairness.FairnessFixtures;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A recruiter goes from the ranking to the adverse-impact monitor of a decided round, reads the four-fifths flag,
 * the small groups and the score gap, and opens the printable bias-audit table; both pages are accessible. A
 * reviewer is turned away from both.
 */
class FairnessJourneyIT extends BrowserTest {

    @Autowired
    FairnessFixtures fixtures;

    @Autowired
    StaffService staff;

    @Test
    void aRecruiterReadsTheMonitorAndTheBiasAuditTable() {
        FairnessFixtures.Round round = fixtures.round();
        long id = round.assessment().id();
        IssuedPassword recruiter = StaffFixtures.create(staff, "Fairness Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/ranking/" + id);
        click(By.id("open-fairness"));
        waitFor(By.id("fairness-view"));
        assertThat(path()).isEqualTo("recruiter/fairness/" + id);
        assertThat(driver.findElement(By.id("fairness-summary")).getText()).contains("12").contains("4 advanced")
                .contains("11");
        String selection = driver.findElement(By.id("fairness-selection-sex")).getText();
        assertThat(selection).contains("Female").contains("16.7%").contains("0.28").contains("Below 4/5")
                .contains("1.00 (highest)").contains("0.242").contains("counts too small");
        assertThat(driver.findElement(By.id("fairness-sex")).getText()).contains("under four fifths");
        assertThat(driver.findElement(By.id("fairness-selection-intersection")).getText())
                .contains("Too few to tell").doesNotContain("%");
        assertThat(driver.findElement(By.id("gap-lead-sex")).getText())
                .contains("Female candidates score lower than Male").contains("d = −1.26");
        assertThat(driver.findElements(By.cssSelector("#chart-impact-sex"))).hasSize(1);
        String page = driver.getPageSource();
        round.candidates().forEach(c -> assertThat(page).doesNotContain(c.name()).doesNotContain(c.code()));
        assertThat(seriousAccessibilityViolations()).as("the adverse-impact monitor").isEmpty();
        screenshot("fairness-monitor");

        open("recruiter/bias-audit/" + id);
        waitFor(By.id("bias-audit-view"));
        String audit = driver.findElement(By.id("audit-sex")).getText();
        assertThat(audit).contains("Number of applicants").contains("Number selected").contains("Selection rate")
                .contains("0.278").contains("Unknown category (not answered or prefer not to say): 1.");
        assertThat(driver.findElement(By.id("bias-audit-about")).getText()).contains("independent auditor");
        assertThat(seriousAccessibilityViolations()).as("the bias-audit table").isEmpty();
        screenshot("bias-audit-table");

        // Across assessments: the menu leads to the period view, which lists this round among its sources.
        open("recruiter");
        assertThat(navigationItems()).contains("Adverse impact");
        open("recruiter/adverse-impact");
        waitFor(By.id("fairness-overview"));
        assertThat(driver.findElement(By.id("fairness-sources")).getText()).contains(round.assessment().title());
        assertThat(driver.findElement(By.id("fairness-sex")).getText()).contains("Selection");
        assertThat(seriousAccessibilityViolations()).as("the adverse-impact overview").isEmpty();
        screenshot("fairness-overview");

        IssuedPassword reviewer = StaffFixtures.create(staff, "Curious Reviewer", StaffRole.REVIEWER);
        driver.manage().deleteAllCookies();
        signIn(reviewer.member().email(), reviewer.password());
        for (String path : new String[] {"recruiter/fairness/" + id, "recruiter/bias-audit/" + id,
                "recruiter/adverse-impact"}) {
            open(path);
            waitForVaadin();
            assertThat(driver.findElements(By.id("fairness-view"))).isEmpty();
            assertThat(driver.findElements(By.id("bias-audit-view"))).isEmpty();
            assertThat(driver.findElements(By.id("fairness-overview"))).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain("Selection rate").doesNotContain("Asian");
        }
    }
}
