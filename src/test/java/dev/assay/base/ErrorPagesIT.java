package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.support.FailingView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** People see calm error pages with a reference id; never a stack trace or the framework's page. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIT extends BrowserTest {

    @Autowired
    StaffService staff;

    @Test
    void aFailingPageShowsAReferenceThatIsAlsoInTheLogButNoInternals(CapturedOutput log) {
        open("test/failing-page");

        String reference = waitFor(By.id("error-reference")).getText();
        assertThat(reference).matches("ERR-[2-9A-HJ-NP-Z]{6}");
        String page = driver.getPageSource();
        assertThat(page).doesNotContain(FailingView.SECRET_DETAIL)
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dev.assay");
        assertThat(driver.findElement(By.id("error-page")).getText()).contains("Something went wrong");
        waitUntil(d -> log.getAll().contains(reference));
        assertThat(log.getAll()).contains(reference).contains(FailingView.SECRET_DETAIL);
        screenshot("error-internal");
    }

    @Test
    void anUnknownAddressShowsAFriendlyPageWithoutInternals() {
        IssuedPassword recruiter = StaffFixtures.create(staff, "Lost Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());

        open("no/such/page");

        assertThat(waitFor(By.id("not-found")).getText()).contains("We couldn't find that page");
        assertThat(driver.getPageSource()).contains("Go to the start page").doesNotContain("Exception")
                .doesNotContain("Whitelabel");
    }
}
