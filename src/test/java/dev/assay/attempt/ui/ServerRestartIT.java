package dev.assay.attempt.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.support.BrowserTest;
import dev.assay.support.PackagedApp;
import dev.assay.support.TestDatabase;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packaged application, run as its own process on the test database, is stopped and started again
 * in the middle of a candidate's attempt; the candidate reopens their link and finds their work.
 */
class ServerRestartIT extends BrowserTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    private Process server;

    @org.springframework.beans.factory.annotation.Value("${assay.secret}")
    String installationSecret;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private Process startServer(int port, Path log) throws IOException {
        return PackagedApp.start(port, log, installationSecret);
    }

    private static void sleep(long millis) {
        PackagedApp.sleep(millis);
    }

    /**
     * Opens the link again in the same tab, as a person reloading would. The page holds unsent text, so it asks
     * before leaving (beforeunload); the person leaves. The prompt is accepted here explicitly: left to the
     * driver's automatic handling, a command could now and then meet it still open and fail.
     */
    private void reopen(String url) {
        try {
            driver.get(url);
        } catch (org.openqa.selenium.UnhandledAlertException | org.openqa.selenium.InvalidArgumentException prompt) {
            // the leave-page prompt; accepted below
        }
        for (int i = 0; i < 40; i++) {
            try {
                driver.switchTo().alert().accept();
            } catch (org.openqa.selenium.NoAlertPresentException | org.openqa.selenium.InvalidArgumentException none) {
                // no prompt open
            }
            try {
                if (driver.getCurrentUrl().endsWith(url.substring(url.indexOf("/c/")))
                        && !driver.findElements(By.tagName("body")).isEmpty()) {
                    return;
                }
            } catch (org.openqa.selenium.UnhandledAlertException | org.openqa.selenium.InvalidArgumentException prompt) {
                // still asking; accept on the next round
            }
            sleep(250);
        }
    }

    private IssuedInvitation oneTaskAssessment(java.util.function.Function<String, TaskContent> task, String id,
            String who) {
        return OneTaskAssessments.invite(roles, bank, assessments, invitations, task, id, who);
    }

    private static int freePort() throws IOException {
        return PackagedApp.freePort();
    }

    @Test
    void aCandidateResumesTheirSavedWorkAfterTheServerRestarts() throws IOException {
        assumeTrue(TestDatabase.get().external(), "needs a database server that a second process can reach");
        String id = UUID.randomUUID().toString().substring(0, 8);
        IssuedInvitation issued = oneTaskAssessment(role -> TaskSamples.critique("Memo " + id, role), id, "rio");
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        int port = freePort();
        Path log = Files.createTempFile("assay-restart", ".log");
        server = startServer(port, log);

        driver.get("http://localhost:" + port + "/c/" + token);
        waitForVaadin();
        waitFor(By.id("consent")).click();
        waitFor(By.id("start")).click();
        waitForVaadin();
        WebElement corrected = waitFor(By.cssSelector("#critique-corrected textarea"));
        corrected.sendKeys("Typed before the restart.");
        waitUntil(d -> d.findElement(By.id("save-state")).getText().equals("Saving…"));
        waitUntil(d -> d.findElement(By.id("save-state")).getText().equals("Saved"));

        // More typing, and the server dies (killed, not stopped) before the page's pause could send it.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const input = document.querySelector('#critique-corrected textarea');"
                + "input.value = input.value + ' And a last line.';"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));");
        server.destroyForcibly();
        server.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        server = startServer(port, log);

        // The same tab opens the link again: the saved work is there, and so is what the server never got.
        reopen("http://localhost:" + port + "/c/" + token);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("#critique-corrected textarea")).isEmpty());
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "Typed before the restart. And a last line."
                .equals(d.findElement(By.cssSelector("#critique-corrected textarea")).getAttribute("value")));
        screenshot("candidate-after-restart");
    }

    @Test
    void aConversationWithTheAssistantSurvivesTheServerDying() throws IOException {
        assumeTrue(TestDatabase.get().external(), "needs a database server that a second process can reach");
        String id = UUID.randomUUID().toString().substring(0, 8);
        IssuedInvitation issued = oneTaskAssessment(role -> TaskSamples.collaboration("Summary " + id, role), id,
                "rae");
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        int port = freePort();
        Path log = Files.createTempFile("assay-restart-chat", ".log");
        server = startServer(port, log);

        driver.get("http://localhost:" + port + "/c/" + token);
        waitForVaadin();
        waitFor(By.id("consent")).click();
        waitFor(By.id("start")).click();
        waitForVaadin();
        waitFor(By.cssSelector("#assistant-message textarea")).sendKeys("Draft the summary for the sales director");
        waitFor(By.id("assistant-send")).click();
        waitUntil(d -> d.findElements(By.cssSelector("#assistant-log .chat-assistant")).size() == 1);
        // The deliverable is typed, and the server dies before the page's pause could send it.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const input = document.querySelector('#collab-deliverable textarea');"
                + "input.value = 'Q3 sales were 120 units, 20% up on Q2.';"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));");
        server.destroyForcibly();
        server.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        server = startServer(port, log);

        reopen("http://localhost:" + port + "/c/" + token);
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#assistant-log .chat-assistant")).size() == 1
                        && d.findElement(By.id("assistant-log")).getText().contains("Draft the summary for the sales director")
                        && d.findElement(By.id("assistant-log")).getText().contains("up 25% on Q2"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "Q3 sales were 120 units, 20% up on Q2."
                .equals(d.findElement(By.cssSelector("#collab-deliverable textarea")).getAttribute("value")));
    }
}
