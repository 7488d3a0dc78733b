package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin creates a key for an integration, sees it once, uses it (as curl would) and revokes it after a
 * confirmation; an empty name is refused next to the field.
 */
class ApiKeysJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

    private int call(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("api/v1/assessments")))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void anAdminCreatesUsesAndRevokesAKey() throws Exception {
        IssuedPassword admin = StaffFixtures.create(staff, "Key Admin", StaffRole.ADMIN);
        signIn(admin.member().email(), admin.password());
        open("admin/api-keys");
        waitFor(By.id("api-key-create"));
        assertThat(navigationItems()).contains("API keys");
        assertThat(driver.findElement(By.id("api-reference")).getDomAttribute("href")).isEqualTo("api/docs");

        click(By.id("api-key-create"));
        waitUntil(d -> d.findElement(By.id("api-key-name")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("api-key-name")).getText()).contains("Name the integration");

        String name = "Journey ATS " + System.nanoTime();
        type(By.cssSelector("#api-key-name input"), name);
        click(By.id("api-key-create"));
        waitFor(By.id("api-key-issued"));
        String secret = String.valueOf(js("return document.querySelector('#api-key-secret input').value"));
        assertThat(secret).startsWith(ApiKeyService.KEY_PREFIX);
        assertThat(openDialogText()).contains("cannot show it again");
        assertThat(seriousAccessibilityViolations()).as("the new key dialog").isEmpty();
        screenshot("api-key-issued");
        click(By.id("api-key-done"));
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());
        assertThat(driver.findElement(By.id("api-key-grid")).getText()).contains(name).contains("read")
                .contains("Never").doesNotContain(secret);

        assertThat(call(secret)).isEqualTo(200);
        open("admin/api-keys");
        waitFor(By.id("api-key-grid"));
        long id = Long.parseLong(String.valueOf(js("return [...document.querySelectorAll('vaadin-button')]"
                + ".find(b => b.id.startsWith('api-key-revoke-')).id.substring(15)")));
        screenshot("api-keys");
        click(By.id("api-key-revoke-" + id));
        waitFor(By.id("api-key-confirm-revoke"));
        click(By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitUntil(d -> d.findElement(By.id("api-key-grid")).getText().contains("Revoked"));
        assertThat(call(secret)).isEqualTo(401);
        assertThat(seriousAccessibilityViolations()).as("the API keys page").isEmpty();
    }
}
