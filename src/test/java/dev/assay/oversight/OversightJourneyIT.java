package dev.assay.oversight;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.fairness.FairnessFixtures;
import dev.assay.review.PanelService;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin sees who closed a round's review and who recorded its decisions, and can export the audit log. */
class OversightJourneyIT extends BrowserTest {

    @Autowired
    FairnessFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    StaffService staff;

    @Test
    void anAdminSeesTheHumanStepsOfEachAssessment() {
        FairnessFixtures.Round round = fixtures.round();
        recruiter(() -> {
            panels.closeReview(round.assessment().id());
            return null;
        });
        IssuedPassword admin = StaffFixtures.create(staff, "Oversight Admin", StaffRole.ADMIN);
        signIn(admin.member().email(), admin.password());
        open("admin/oversight");
        String steps = waitFor(By.id("oversight-steps")).getText();
        assertThat(steps).contains(round.assessment().title()).contains("12 decisions").contains(" by ");
        assertThat(driver.findElements(By.id("export-audit"))).hasSize(1);
        assertThat(seriousAccessibilityViolations()).as("the oversight page").isEmpty();
        screenshot("oversight");
    }
}
