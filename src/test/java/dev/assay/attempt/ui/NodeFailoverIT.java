package dev.assay.attempt.ui;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.PackagedApp;
import dev.assay.support.StaffFixtures;
import dev.assay.support.TestDatabase;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two nodes of the packaged application behind HAProxy (Debian's package, the configuration of
 * {@code deploy/haproxy.cfg} cut down to two loopback nodes) on the test database. A candidate works on the node
 * HAProxy chose; that node is killed; the page notices on its next request, reloads itself without asking, and
 * carries on on the other node with everything typed, including what the dead node never received. A reviewer
 * whose node is killed signs in once and is back on their scorecard as it was saved while they typed.
 */
class NodeFailoverIT extends BrowserTest {

    @Autowired
    InvitationService invitations;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    StaffService staff;

    @Autowired
    PanelService panels;

    @Value("${assay.secret}")
    String installationSecret;

    private final Map<String, Process> nodes = new java.util.HashMap<>();
    private Process haproxy;

    @AfterEach
    void stopEverything() {
        nodes.values().forEach(Process::destroyForcibly);
        if (haproxy != null) {
            haproxy.destroyForcibly();
        }
    }

    private static Path haproxyBinary() {
        for (String candidate : new String[] {"/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("This test needs HAProxy: apt-get install haproxy (.ci/run installs it)");
    }

    private Process startHaproxy(int front, int node1, int node2, Path dir) throws IOException {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 500
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 1
                    option redispatch
                frontend assay
                    bind 127.0.0.1:%d
                    default_backend assay_nodes
                backend assay_nodes
                    balance roundrobin
                    cookie ASSAYNODE insert indirect nocache httponly
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 1
                    server node1 127.0.0.1:%d check cookie node1
                    server node2 127.0.0.1:%d check cookie node2
                """.formatted(front, node1, node2));
        Process p = new ProcessBuilder(haproxyBinary().toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        for (int i = 0; i < 40 && PackagedApp.status("http://127.0.0.1:" + front + "/actuator/health/readiness") != 200;
                i++) {
            PackagedApp.sleep(250);
        }
        assertThat(PackagedApp.status("http://127.0.0.1:" + front + "/actuator/health/readiness"))
                .as("HAProxy in front of the nodes answers; see %s", dir.resolve("haproxy.log")).isEqualTo(200);
        return p;
    }

    /** Two nodes and HAProxy in front; returns HAProxy's port. */
    private int startCluster(String name) throws IOException {
        Path dir = Files.createTempDirectory("assay-failover-" + name);
        int port1 = PackagedApp.freePort();
        int port2 = PackagedApp.freePort();
        nodes.put("node1", PackagedApp.start(port1, dir.resolve("node1.log"), installationSecret,
                "--assay.node-name=node1"));
        nodes.put("node2", PackagedApp.start(port2, dir.resolve("node2.log"), installationSecret,
                "--assay.node-name=node2"));
        int front = PackagedApp.freePort();
        haproxy = startHaproxy(front, port1, port2, dir);
        return front;
    }

    /** Kills the node HAProxy's cookie names for this browser; returns the other node's name. */
    private String killThisBrowsersNode() {
        Cookie served = driver.manage().getCookieNamed("ASSAYNODE");
        assertThat(served).as("HAProxy's node cookie").isNotNull();
        String first = served.getValue();
        PackagedApp.kill(nodes.remove(first));
        return first.equals("node1") ? "node2" : "node1";
    }

    private String answer() {
        return driver.findElement(By.cssSelector("#critique-corrected textarea")).getAttribute("value");
    }

    @Test
    void aCandidateWhoseNodeDiesCarriesOnOnTheOtherNodeWithEverythingTheyTyped() throws IOException {
        assumeTrue(TestDatabase.get().external(), "needs a database server that other processes can reach");
        String id = UUID.randomUUID().toString().substring(0, 8);
        IssuedInvitation issued = OneTaskAssessments.invite(roles, bank, assessments, invitations,
                role -> TaskSamples.critique("Failover memo " + id, role), id, "fen");
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        int front = startCluster("candidate");

        driver.get("http://127.0.0.1:" + front + "/c/" + token);
        waitForVaadin();
        waitFor(By.id("consent")).click();
        waitFor(By.id("start")).click();
        waitForVaadin();
        waitFor(By.cssSelector("#critique-corrected textarea")).sendKeys("Typed on the first node.");
        waitUntil(d -> d.findElement(By.id("save-state")).getText().equals("Saved"));
        // Notes, across the reload, whether the page asked before unloading (it must not, for this reload).
        ((JavascriptExecutor) driver).executeScript("window.addEventListener('beforeunload', e => {"
                + " if (e.defaultPrevented) { sessionStorage.setItem('test-asked', 'yes'); } });");

        // The node dies (killed, no shutdown); the candidate types on, and the page's save goes to HAProxy.
        String other = killThisBrowsersNode();
        ((JavascriptExecutor) driver).executeScript(
                "const input = document.querySelector('#critique-corrected textarea');"
                + "input.value = input.value + ' And after it died.';"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));");

        // No action from the candidate: the page reloads itself on the other node and sends what was left.
        new WebDriverWait(driver, Duration.ofSeconds(45)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    Cookie now = d.manage().getCookieNamed("ASSAYNODE");
                    return now != null && now.getValue().equals(other)
                            && !d.findElements(By.cssSelector("#critique-corrected textarea")).isEmpty()
                            && "Typed on the first node. And after it died.".equals(answer())
                            && d.findElement(By.id("save-state")).getText().equals("Saved");
                });
        assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('test-asked')"))
                .as("the page asked before its automatic reload").isNull();
        screenshot("candidate-after-node-failover");

        // What the other node shows after a reload is what the database holds.
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#critique-corrected textarea")).isEmpty()
                        && "Typed on the first node. And after it died.".equals(answer()));
        // The 30-minute attempt started a minute or so ago: the countdown runs from the server's deadline.
        assertThat(driver.findElement(By.id("countdown")).getText()).as("the countdown")
                .matches("2[5-9]:[0-5][0-9] left");
    }

    @Test
    void aReviewerWhoseNodeDiesSignsInOnceAndReturnsToTheirScorecardAsSaved() throws IOException {
        assumeTrue(TestDatabase.get().external(), "needs a database server that other processes can reach");
        AssessmentView a = fixtures.assessment();
        IssuedPassword reviewer = StaffFixtures.create(staff, "Failover Reviewer", StaffRole.REVIEWER);
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.member().id()), 1, 0, 5, -1));
        fixtures.submit(a, "Nia Node");
        port = startCluster("reviewer"); // every page below goes through HAProxy

        signIn(reviewer.member().email(), reviewer.password());
        click(By.cssSelector("#review-queue vaadin-button"));
        waitFor(By.id("scoring-view"));
        String scorecard = path();
        type(By.cssSelector("#overall-comment textarea"), "Clear structure; asks good questions.");
        // Saved as a draft as they type, without pressing anything.
        waitForVaadin();
        waitUntil(d -> "false".equals(js("return document.body.dataset.unsaved")));

        killThisBrowsersNode();
        // The reviewer's next click reaches the other node, which has no session: the page reloads and the
        // sign-in page appears; after signing in once they are back on the scorecard, as it was saved.
        WebElement level = driver.findElement(By.cssSelector("#score-0-workflow-thinking vaadin-radio-button:nth-of-type(3)"));
        js("arguments[0].scrollIntoView({block: 'center'})", level);
        level.click();
        new WebDriverWait(driver, Duration.ofSeconds(45)).until(d -> d.getCurrentUrl().endsWith("/login"));
        WebElement username = waitFor(By.cssSelector("vaadin-login-form vaadin-text-field[name='username'] > input"));
        username.sendKeys(reviewer.member().email());
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-password-field[name='password'] > input"))
                .sendKeys(reviewer.password(), Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
        waitForVaadin();
        // Spring Security's saved request comes back with "?continue".
        assertThat(path().replace("?continue", "")).as("back on the page they were on").isEqualTo(scorecard);
        assertThat(waitFor(By.cssSelector("#overall-comment textarea")).getDomProperty("value"))
                .isEqualTo("Clear structure; asks good questions.");
        screenshot("reviewer-after-node-failover");
    }
}
