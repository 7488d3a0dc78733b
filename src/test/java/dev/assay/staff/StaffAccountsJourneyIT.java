package dev.assay.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin manages staff accounts in a real browser, and the new account can sign in. */
class StaffAccountsJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

    @Test
    void anAdminCreatesAReviewerWhoCanThenSignInWithTheTemporaryPassword() {
        IssuedPassword admin = StaffFixtures.create(staff, "Journey Admin", StaffRole.ADMIN);
        signIn(admin.member().email(), admin.password());
        open("admin/staff");
        waitFor(By.id("staff-grid"));
        screenshot("staff-accounts");

        waitFor(By.id("new-staff")).click();
        String email = StaffFixtures.uniqueEmail("journey.reviewer");
        waitFor(By.cssSelector("#staff-name input")).sendKeys("Journey Reviewer");
        driver.findElement(By.cssSelector("#staff-email input")).sendKeys(email);
        screenshot("staff-new-dialog");
        driver.findElement(By.id("staff-save")).click();

        WebElement issued = waitFor(By.cssSelector("#issued-password input"));
        String password = issued.getAttribute("value");
        assertThat(password).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
        screenshot("staff-issued-password");
        driver.findElement(By.id("issued-password-done")).click();
        waitForVaadin();
        // Other tests add accounts too: search, as an admin with a long list would.
        driver.findElement(By.cssSelector("#staff-search input")).sendKeys(email);
        waitUntil(d -> d.findElement(By.id("staff-grid")).getText().contains("Journey Reviewer"));

        waitFor(By.id("sign-out")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        signIn(email, password);
        // A temporary password opens only My account, until the person has chosen their own.
        waitFor(By.id("must-change-password"));
        assertThat(path()).isEqualTo("account");
        open("reviews");
        waitFor(By.id("must-change-password"));
        String own = "a passphrase of my own";
        driver.findElement(By.cssSelector("#current-password input")).sendKeys(password);
        driver.findElement(By.cssSelector("#new-password input")).sendKeys(own);
        driver.findElement(By.cssSelector("#repeat-password input")).sendKeys(own, Keys.TAB);
        driver.findElement(By.id("change-password")).click();
        waitFor(By.id("reviewer-home"));
        assertThat(path()).isEqualTo("reviews");
    }

    @Test
    void aStaffMemberChangesTheirOwnPasswordAndSignsInWithTheNewOne() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Changing Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        waitFor(By.id("my-account-link")).click();
        waitFor(By.id("my-account"));

        String next = "a much longer passphrase";
        driver.findElement(By.cssSelector("#current-password input")).sendKeys(recruiter.password());
        driver.findElement(By.cssSelector("#new-password input")).sendKeys(next);
        driver.findElement(By.cssSelector("#repeat-password input")).sendKeys(next, Keys.TAB);
        driver.findElement(By.id("change-password")).click();
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains("password has been changed")));
        screenshot("my-account");
        // The session that changed the password carries on.
        open("recruiter");
        waitFor(By.id("recruiter-home"));

        waitFor(By.id("sign-out")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        signIn(recruiter.member().email(), next);
        waitFor(By.id("recruiter-home"));
    }

    @Test
    void disablingAnAccountIsConfirmedFirstAndThenStopsItsSignIn() {
        IssuedPassword admin = StaffFixtures.create(staff, "Disabling Admin", StaffRole.ADMIN);
        IssuedPassword leaver = StaffFixtures.create(staff, "Leaving Reviewer", StaffRole.REVIEWER);
        signIn(admin.member().email(), admin.password());
        open("admin/staff");
        WebElement search = waitFor(By.cssSelector("#staff-accounts vaadin-text-field input"));
        search.sendKeys(leaver.member().email());
        waitUntil(d -> d.findElement(By.id("staff-grid")).getText().contains("Leaving Reviewer")
                && !d.findElement(By.id("staff-grid")).getText().contains("Disabling Admin"));

        waitFor(By.cssSelector("vaadin-menu-bar-item[aria-label='Actions for Leaving Reviewer']")).click();
        waitUntil(d -> !d.findElements(By.xpath("//vaadin-menu-bar-item[contains(., 'Disable account')]")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click()",
                driver.findElement(By.xpath("//vaadin-menu-bar-item[contains(., 'Disable account')]")));
        waitUntil(d -> d.getPageSource().contains("Disable Leaving Reviewer?"));
        screenshot("staff-disable-confirm");
        driver.findElement(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waitUntil(d -> d.findElement(By.id("staff-grid")).getText().contains("Disabled"));

        waitFor(By.id("sign-out")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        signIn(leaver.member().email(), leaver.password());
        assertThat(path()).startsWith("login?error");
        assertThat(loginError()).contains("Account disabled");
    }
}
