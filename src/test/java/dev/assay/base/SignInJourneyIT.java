package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff sign in through a real browser and land on their own home with their own navigation. */
class SignInJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

    @Test
    void anAdminLandsOnTheAdministrationHomeWithAdminNavigationOnly() {
        IssuedPassword admin = StaffFixtures.create(staff, "Ada Admin", StaffRole.ADMIN);
        signIn(admin.member().email(), admin.password());

        waitFor(By.id("admin-home"));
        assertThat(path()).isEqualTo("admin");
        assertThat(navigationItems()).containsExactly("Overview", "Staff accounts", "Audit log", "Candidate data",
                "Oversight", "API keys", "Webhooks");
        assertThat(driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("Ada Admin");
        screenshot("admin-home");
    }

    @Test
    void aRecruiterLandsOnAssessmentsAndSeesNoAdminNavigation() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Rhea Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());

        waitFor(By.id("recruiter-home"));
        assertThat(path()).isEqualTo("recruiter");
        assertThat(navigationItems()).containsExactly("Assessments", "Roles and rubrics", "Task bank", "Import / export",
                "Outbox", "Adverse impact");
        screenshot("recruiter-home");
    }

    @Test
    void aReviewerLandsOnTheirQueueAndSeesOnlyIt() {
        IssuedPassword reviewer = StaffFixtures.create(staff, "Vera Reviewer", StaffRole.REVIEWER);
        signIn(reviewer.member().email(), reviewer.password());

        waitFor(By.id("reviewer-home"));
        assertThat(path()).isEqualTo("reviews");
        assertThat(navigationItems()).containsExactly("My reviews");
        screenshot("reviewer-home");
    }

    @Test
    void someoneWithSeveralRolesSeesTheNavigationOfEach() {
        IssuedPassword both = StaffFixtures.create(staff, "Rae Both", StaffRole.RECRUITER, StaffRole.REVIEWER);
        signIn(both.member().email(), both.password());

        waitFor(By.id("recruiter-home"));
        assertThat(navigationItems()).containsExactly("Assessments", "Roles and rubrics", "Task bank", "Import / export",
                "Outbox", "Adverse impact", "My reviews");
    }

    @Test
    void aReviewerWhoTypesTheAdminAddressSeesNoAccessInsteadOfTheAdminView() {
        IssuedPassword reviewer = StaffFixtures.create(staff, "Nosy Reviewer", StaffRole.REVIEWER);
        signIn(reviewer.member().email(), reviewer.password());

        open("admin/staff");

        WebElement page = waitFor(By.id("error-page"));
        assertThat(page.getText()).contains("This page isn't available to you");
        assertThat(driver.findElements(By.id("staff-grid"))).isEmpty();
        open("admin");
        assertThat(waitFor(By.id("error-page")).getText()).contains("isn't available");
        assertThat(driver.findElements(By.id("admin-home"))).isEmpty();
    }

    @Test
    void aWrongPasswordShowsAClearErrorAndStaysOnTheSignInPage() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Typo Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), "not-the-password");

        assertThat(path()).startsWith("login?error");
        assertThat(loginError()).contains("Incorrect email or password");
        // The email typed is still there and the password field has focus; the password itself is not kept.
        waitUntil(d -> recruiter.member().email().equals(d.findElement(
                By.cssSelector("vaadin-login-form vaadin-text-field[name='username'] > input")).getDomProperty("value")));
        assertThat(driver.findElement(By.cssSelector("vaadin-login-form vaadin-password-field[name='password'] > input"))
                .getDomProperty("value")).isEmpty();
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.activeElement && document.activeElement.closest('vaadin-password-field') ? 'password' : ''"))
                .isEqualTo("password");
        screenshot("login-wrong-password");
    }

    @Test
    void fiveFailuresPauseSignInEvenWithTheRightPasswordAfterwards() {
        IssuedPassword reviewer = StaffFixtures.create(staff, "Forgetful Reviewer", StaffRole.REVIEWER);
        String email = reviewer.member().email();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(email, "wrong-" + attempt);
            assertThat(loginError()).contains("Incorrect email or password");
        }
        signIn(email, "wrong-5");
        assertThat(loginError()).contains("Sign-in paused");

        signIn(email, reviewer.password());
        assertThat(path()).startsWith("login?error");
        assertThat(loginError()).contains("Sign-in paused");
        screenshot("login-paused");
    }

    @Test
    void anUnknownEmailIsPausedTheSameWaySoNoOneLearnsWhichAccountsExist() {
        String unknown = StaffFixtures.uniqueEmail("ghost");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(unknown, "guess-" + attempt);
            assertThat(loginError()).contains("Incorrect email or password");
        }
        signIn(unknown, "guess-5");
        assertThat(loginError()).contains("Sign-in paused");
    }

    @Test
    void signingOutReturnsToTheSignInPageAndProtectsTheViews() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Leaving Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        waitFor(By.id("recruiter-home"));

        waitFor(By.id("sign-out")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        open("recruiter");
        assertThat(path()).isEqualTo("login");
        assertThat(driver.findElements(By.id("recruiter-home"))).isEmpty();
    }

    @Test
    void theSignInPageExplainsCandidatesNeedNoAccount() {
        open("login");
        assertThat(waitFor(By.className("login-candidate-note")).getText()).contains("don't need an account");
        screenshot("login");
    }
}
