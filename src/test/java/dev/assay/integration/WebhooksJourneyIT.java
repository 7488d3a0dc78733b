package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin registers a webhook endpoint (problems shown next to the fields), keeps its signing secret from the one
 * dialog that shows it, sends a test event that the receiver verifies, reads the delivery log, pauses the endpoint and
 * deletes it after a confirmation.
 */
class WebhooksJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

    @Test
    void anAdminRegistersTestsPausesAndDeletesAnEndpoint() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            IssuedPassword admin = StaffFixtures.create(staff, "Hook Admin", StaffRole.ADMIN);
            signIn(admin.member().email(), admin.password());
            open("admin/webhooks");
            waitFor(By.id("webhook-add"));
            assertThat(navigationItems()).contains("Webhooks");

            click(By.id("webhook-add"));
            waitUntil(d -> d.findElement(By.id("webhook-url")).getDomAttribute("invalid") != null);
            assertThat(driver.findElement(By.id("webhook-url")).getText()).contains("Enter the address");
            assertThat(driver.findElement(By.id("webhook-description")).getText()).contains("Say what receives");
            type(By.cssSelector("#webhook-url input"), "http://ats.example.com/hooks");
            click(By.id("webhook-add"));
            waitUntil(d -> d.findElement(By.id("webhook-url")).getText().contains("Use https"));

            String name = "Journey receiver " + System.nanoTime();
            driver.findElement(By.cssSelector("#webhook-url input")).clear();
            type(By.cssSelector("#webhook-url input"), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            type(By.cssSelector("#webhook-description input"), name);
            click(By.id("webhook-add"));
            waitFor(By.id("webhook-secret-dialog"));
            String secret = String.valueOf(js("return document.querySelector('#webhook-secret input').value"));
            assertThat(secret).startsWith("whsec_");
            assertThat(openDialogText()).contains("will not show it again");
            assertThat(seriousAccessibilityViolations()).as("the signing secret dialog").isEmpty();
            click(By.id("webhook-secret-done"));
            waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

            long id = Long.parseLong(String.valueOf(js("return [...document.querySelectorAll('.webhook-row')]"
                    + ".find(r => r.textContent.includes(arguments[0])).id.substring(8)", name)));
            assertThat(String.valueOf(js("return document.getElementById('webhook-' + arguments[0]).textContent", id)))
                    .contains("Active").contains("attempt.submitted").contains("Nothing sent yet").doesNotContain(secret);

            click(By.id("webhook-test-" + id));
            waitUntil(d -> !received.isEmpty());
            Map<String, String> ping = received.getFirst();
            assertThat(ping.get("body")).startsWith("{\"type\":\"ping\"");
            assertThat(WebhookSignature.verify(secret, ping.get("id"), ping.get("timestamp"), ping.get("signature"),
                    ping.get("body"), Instant.now())).isTrue();
            waitUntil(d -> String.valueOf(js("return document.getElementById('webhook-' + arguments[0]).textContent",
                    id)).contains("HTTP 204"));

            click(By.id("webhook-log-" + id));
            waitFor(By.id("webhook-log-grid"));
            waitUntil(d -> d.findElement(By.id("webhook-log-grid")).getText().contains("Delivered"));
            assertThat(driver.findElement(By.id("webhook-log-grid")).getText()).contains("ping").contains("HTTP 204");
            assertThat(seriousAccessibilityViolations()).as("the delivery log").isEmpty();
            screenshot("webhook-deliveries");
            click(By.id("webhook-log-close"));
            waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty());

            click(By.id("webhook-edit-" + id));
            waitFor(By.id("webhook-edit-dialog"));
            click(By.cssSelector("#webhook-edit-active label"));
            click(By.id("webhook-edit-save"));
            waitUntil(d -> String.valueOf(js("return document.getElementById('webhook-' + arguments[0]).textContent",
                    id)).contains("Paused"));
            screenshot("webhooks");
            assertThat(seriousAccessibilityViolations()).as("the webhooks page").isEmpty();

            click(By.id("webhook-delete-" + id));
            waitFor(By.id("webhook-confirm-delete"));
            click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            waitUntil(d -> d.findElements(By.id("webhook-" + id)).isEmpty());
        } finally {
            receiver.stop(0);
        }
    }
}
