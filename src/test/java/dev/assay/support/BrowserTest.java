package dev.assay.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser journeys: the application on a random port against the test database, driven by the
 * system's Chromium and chromedriver (never downloaded). A failing test leaves a screenshot under
 * {@code target/screenshots/failures}.
 */
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTest extends WebAppTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;

    protected WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        String chromedriver = envOr("ASSAY_CHROMEDRIVER", "/usr/bin/chromedriver");
        String chromium = envOr("ASSAY_CHROMIUM", "/usr/bin/chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        Path profile = Files.createTempDirectory("assay-chromium-");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1400,1000");
        // "Leave site?" prompts (pages with unsaved text ask before unloading) are accepted, as a person would.
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    protected void open(String path) {
        driver.get(url(path));
        waitForVaadin();
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Polls a condition until it holds. An element that Vaadin replaced between finding it and reading it
     * (a re-render) counts as "not yet", not as a failure.
     */
    protected void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, TIMEOUT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Waits until Vaadin has loaded and no server round trip is in progress. */
    protected void waitForVaadin() {
        new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (document.readyState !== 'complete') return false;"
                        + "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return true;"
                        + "return Object.values(window.Vaadin.Flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive());")));
    }

    /** Fills in the sign-in form and submits it; returns once the next page has loaded. */
    protected void signIn(String email, String password) {
        open("login");
        WebElement username = waitFor(By.cssSelector("vaadin-login-form vaadin-text-field[name='username'] > input"));
        username.clear();
        username.sendKeys(email);
        WebElement secret = driver.findElement(
                By.cssSelector("vaadin-login-form vaadin-password-field[name='password'] > input"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
        waitForVaadin();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Scrolls the element into view, clicks it as a person would, and waits for the server's answer. */
    protected void click(By by) {
        WebElement e = waitFor(by);
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
        waitForVaadin();
    }

    /** Scrolls the field into view and types into it (keeping what is there). */
    protected void type(By by, String text) {
        WebElement e = waitFor(by);
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.sendKeys(text);
    }

    protected String path() {
        String current = driver.getCurrentUrl();
        String base = url("");
        return current.startsWith(base) ? current.substring(base.length()) : current;
    }

    protected List<String> navigationItems() {
        return driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** Saves a screenshot under target/screenshots, for looking at pages as a person would. */
    protected Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs axe-core in the current page and returns its serious and critical violations, each as
     * "rule: help (nodes)". An empty list means the page passed.
     */
    @SuppressWarnings("unchecked")
    protected List<String> seriousAccessibilityViolations() {
        try (var in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            String axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript(axe);
            Object result = js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map(n => n.target.join(' '))"
                    + ".join(', ') + ')'))).catch(e => done(['axe failed: ' + e]));");
            return (List<String>) result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Open dialogs that do not fit the window: the dialog itself sticking out sideways, or a button of it
     * (such as the one that confirms) outside the visible area. An empty list means every dialog fits.
     */
    @SuppressWarnings("unchecked")
    protected List<String> dialogsOutsideTheWindow() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const problems = []; const w = window.innerWidth, h = window.innerHeight;
                const outside = r => r.width > 0 && (r.left < -1 || r.right > w + 1 || r.top < -1 || r.bottom > h + 1);
                const overlays = root => [...root.querySelectorAll('*')].flatMap(e => [
                    ...(e.matches('[part~="overlay"]') ? [e] : []), ...(e.shadowRoot ? overlays(e.shadowRoot) : [])]);
                for (const dialog of document.querySelectorAll('vaadin-dialog[opened], vaadin-confirm-dialog[opened]')) {
                  for (const o of overlays(dialog.shadowRoot || dialog)) {
                    const r = o.getBoundingClientRect();
                    if (r.left < -1 || r.right > w + 1) { problems.push(dialog.localName + ' spans ' + Math.round(r.left)
                        + '..' + Math.round(r.right) + ' px in a window ' + w + ' px wide'); }
                  }
                  for (const b of dialog.querySelectorAll('vaadin-button')) {
                    if (outside(b.getBoundingClientRect())) { problems.push('button "' + b.textContent.trim()
                        + '" of ' + dialog.localName + ' is outside the window'); }
                  }
                }
                return problems;""");
    }

    /** Everything an open dialog says, wherever its parts render (light DOM, slots or shadow roots). */
    protected String openDialogText() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const text = n => n.nodeType === 3 ? n.textContent : n.nodeType !== 1 && n.nodeType !== 11 ? ''
                    : [...(n.shadowRoot ? n.shadowRoot.childNodes : []), ...n.childNodes].map(text).join(' ');
                const p = [...document.querySelectorAll('vaadin-dialog[opened], vaadin-confirm-dialog[opened]')];
                return p.map(d => text(d) + ' ' + (d.getAttribute('header') || '') + ' ' + (d.message || '')).join(' ');""");
    }

    /** The login form renders its error message inside its shadow root. */
    protected String loginError() {
        waitFor(By.cssSelector("vaadin-login-form[error]"));
        WebElement form = driver.findElement(By.cssSelector("vaadin-login-form"));
        StringBuilder text = new StringBuilder(form.getText());
        collectShadowText(form, text);
        return text.toString();
    }

    private void collectShadowText(WebElement host, StringBuilder text) {
        SearchContext root;
        try {
            root = host.getShadowRoot();
        } catch (RuntimeException noShadow) {
            return;
        }
        for (WebElement part : root.findElements(By.cssSelector("[part~='error-message'], vaadin-login-form-wrapper"))) {
            text.append('\n').append(part.getText());
            collectShadowText(part, text);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
