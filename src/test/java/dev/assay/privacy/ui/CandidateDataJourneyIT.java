package dev.assay.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.ReviewFixtures;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin finds a candidate by email, sees what can be downloaded, and erases them after confirming. */
class CandidateDataJourneyIT extends BrowserTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    /** Replaces what a field holds. */
    private void replace(By field, String text) {
        var input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anAdminFindsAndErasesACandidate() {
        ReviewFixtures.Submitted dana = fixtures.submit(fixtures.assessment(), "Dana Datasubject");
        IssuedPassword admin = StaffFixtures.create(staff, "Privacy Admin", StaffRole.ADMIN);
        signIn(admin.member().email(), admin.password());
        open("admin/candidate-data");
        waitFor(By.id("candidate-data"));
        assertThat(driver.findElement(By.id("retention-settings")).getText()).contains("365 days")
                .contains("730 days").contains("assay.retention.self-identification");

        replace(By.cssSelector("#privacy-email input"), "nobody-at-all@example.com");
        click(By.id("privacy-find"));
        waitUntil(d -> d.findElement(By.id("privacy-result")).getText().contains("No candidate with this email"));

        replace(By.cssSelector("#privacy-email input"), dana.email());
        click(By.id("privacy-find"));
        waitFor(By.id("privacy-invitations"));
        assertThat(driver.findElement(By.id("privacy-invitations")).getText()).contains("Dana Datasubject")
                .contains(dana.code());
        assertThat(driver.findElements(By.id("privacy-export"))).hasSize(1);
        assertThat(seriousAccessibilityViolations()).as("the candidate data page").isEmpty();

        click(By.id("privacy-erase"));
        waitFor(By.id("erase-dialog"));
        type(By.cssSelector("#erase-confirm input"), "wrong@example.com");
        type(By.cssSelector("#erase-reason textarea"), "Request by email on 3 December 2026");
        click(By.id("erase-go"));
        waitUntil(d -> d.findElement(By.id("erase-confirm")).getDomAttribute("invalid") != null);
        screenshot("candidate-data-erase");
        replace(By.cssSelector("#erase-confirm input"), dana.email());
        click(By.id("erase-go"));
        waitUntil(d -> d.findElement(By.id("privacy-result")).getText().contains("Erased."));

        replace(By.cssSelector("#privacy-email input"), dana.email());
        click(By.id("privacy-find"));
        waitUntil(d -> d.findElement(By.id("privacy-result")).getText().contains("No candidate with this email"));
    }
}
