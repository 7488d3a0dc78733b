package dev.assay.taskbank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.base.SystemAuthentication;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.BrowserTest;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.DefaultCompetencyModel;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleDetail;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskDetail;
import dev.assay.taskbank.TaskSamples;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A recruiter builds part of a task bank in a real browser. */
class RecruiterJourneyIT extends BrowserTest {

    @Autowired
    StaffService staff;

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    private IssuedPassword recruiter;

    @BeforeEach
    void recruiterSignsIn() {
        recruiter = StaffFixtures.create(staff, "Journey Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        waitFor(By.id("recruiter-home"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private void type(String css, String text) {
        WebElement input = waitFor(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens a (multi-select) combo box, filters it and chooses the item with exactly this text. */
    private void pick(String id, String text) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(text);
        By item = By.xpath("//*[self::vaadin-combo-box-item or self::vaadin-multi-select-combo-box-item]"
                + "[normalize-space(.)='" + text + "']");
        waitUntil(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        waitForVaadin();
        if (driver.findElement(By.id(id)).getTagName().equals("vaadin-multi-select-combo-box")) {
            long before = ((Number) js("return document.getElementById(arguments[0]).selectedItems.length", id)).longValue();
            visible(item).click();
            waitUntil(d -> ((Number) js("return document.getElementById(arguments[0]).selectedItems.length", id))
                    .longValue() > before);
            input.sendKeys(Keys.ESCAPE);
        } else {
            // Click the item as a person would, then wait until the combo box holds it as its value
            // (typed text that merely matches an item is not a choice).
            visible(item).click();
            waitUntil(d -> !String.valueOf(js("return document.getElementById(arguments[0]).value", id)).isEmpty());
        }
        waitForVaadin();
    }

    private WebElement visible(By locator) {
        waitUntil(d -> d.findElements(locator).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    /** A real click, so the field being edited loses focus and sends its value first, as for a person. */
    private void click(String id) {
        // A dialog that is still closing would take the click.
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-dialog[opened]")).isEmpty()
                || !d.findElements(By.id(id)).isEmpty() && isInDialog(id));
        WebElement button = waitFor(By.id(id));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        waitForVaadin();
    }

    private boolean isInDialog(String id) {
        return Boolean.TRUE.equals(js("return !!document.getElementById(arguments[0]).closest('vaadin-dialog, "
                + "vaadin-dialog-overlay, vaadin-confirm-dialog')", id));
    }

    private void confirm() {
        waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        waitForVaadin();
    }

    @Test
    void aRecruiterCreatesARoleThenWritesAndPublishesACritiqueTask() {
        String roleName = "Claims Analyst " + suffix();
        open("recruiter/role");
        type("#role-name input", roleName);
        type("#role-description textarea", "Checks insurance claims; uses AI to summarise evidence.");
        click("save-role");
        waitUntil(d -> path().matches("recruiter/role/\\d+"));
        screenshot("recruiter-role-editor");

        open("recruiter/task/new-ai-output-critique");
        String title = "Claim summary critique " + suffix();
        type("#task-title input", title);
        pick("task-roles", roleName);
        pick("task-criteria", "Critique and validation of AI output");
        type("#task-instructions textarea", "Flag each flawed segment, then fix the summary.");
        type("#ac-scenario textarea", "An adjuster asked the assistant to summarise claim 4471 for a customer.");
        type("#ac-prompt textarea", "Summarise: water damage, 3 rooms, estimate 4,200.");
        type("#ac-artifact textarea", "Claim summary. Water damaged 4 rooms. The estimate is 4,200.");
        click("split-artifact");
        waitUntil(d -> d.findElements(By.cssSelector(".segment-row")).size() == 3);

        click("add-flaw");
        WebElement segments = waitFor(By.cssSelector(".flaw-row vaadin-multi-select-combo-box input"));
        segments.click();
        By second = By.xpath("//vaadin-multi-select-combo-box-item[starts-with(normalize-space(.), '2 ·')]");
        waitUntil(d -> !d.findElements(second).isEmpty());
        js("arguments[0].click()", driver.findElement(second));
        segments.sendKeys(Keys.ESCAPE);
        js("arguments[0].click()", waitFor(By.cssSelector(".flaw-row vaadin-select")));
        By category = By.xpath("//vaadin-select-item[normalize-space(.)='Fabricated fact']");
        waitUntil(d -> !d.findElements(category).isEmpty());
        js("arguments[0].click()", driver.findElement(category));
        type(".flaw-row vaadin-text-area textarea", "The prompt says 3 rooms, not 4.");
        waitForVaadin();

        WebElement preview = waitFor(By.id("task-preview"));
        waitUntil(d -> preview.getText().contains(title) && preview.getText().contains("Water damaged 4 rooms."));
        assertThat(preview.getText()).doesNotContain("The prompt says 3 rooms");
        screenshot("recruiter-task-editor-critique");

        click("publish");
        confirm();
        waitUntil(d -> d.findElement(By.id("save-state")).getText().contains("Version 1 is published"));
        screenshot("recruiter-task-published");
    }

    @Test
    void aRecruiterTalksToAnAiCollaborationTasksAssistantUnderThePreview() {
        RoleDetail role = SystemAuthentication.callAs("RECRUITER", () -> roles.create("Sales Analyst " + suffix(),
                "Reports on sales.", DefaultCompetencyModel.criteria()));
        String title = "Q3 summary with the assistant " + suffix();
        SystemAuthentication.runAs("RECRUITER", () -> publish(TaskSamples.collaboration(title, role.key())));
        long taskId = SystemAuthentication.callAs("RECRUITER", () -> bank.search(new dev.assay.taskbank.TaskFilter(
                title, null, null, null, null, null), 0, 1, dev.assay.taskbank.TaskBankService.SortBy.TITLE, true)
                .getFirst().id());
        open("recruiter/task/" + taskId);
        waitFor(By.id("playbook-test"));
        assertThat(driver.findElement(By.id("task-preview")).getText()).containsIgnoringCase("The materials");

        type("#try-prompt input", "Could you draft the summary for the director?");
        click("try-button");
        waitUntil(d -> d.findElement(By.id("try-log")).getText().contains("up 25% on Q2"));
        assertThat(driver.findElement(By.id("try-result")).getText()).contains("Answered by intent “draft-summary”")
                .contains("planted flaws 1, 2");
        // A follow-up answers because the draft came before, as it will for candidates.
        type("#try-prompt input", "Make it shorter");
        click("try-button");
        waitUntil(d -> d.findElement(By.id("try-log")).getText().contains("Q3 sales rose 25% to 120 units."));
        assertThat(driver.findElement(By.id("try-result")).getText()).contains("Answered by intent “shorter”");
        js("document.getElementById('playbook-test').scrollIntoView({block: 'start'})");
        screenshot("recruiter-task-editor-collaboration");
        assertThat(seriousAccessibilityViolations()).as("the AI-collaboration editor").isEmpty();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waitForVaadin();
        js("document.getElementById('playbook-test').scrollIntoView({block: 'start'})");
        screenshot("recruiter-task-editor-collaboration-phone");
        assertThat(((Number) js("const w = document.documentElement.clientWidth; return [...document"
                + ".querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1).length")).intValue())
                .as("elements wider than the phone's screen in the task editor").isZero();
        assertThat(seriousAccessibilityViolations()).as("the AI-collaboration editor at 390 px").isEmpty();
    }

    @Test
    void aRecruiterAssemblesAnAssessmentWithARandomPickAndOpensIt() {
        RoleDetail role = SystemAuthentication.callAs("RECRUITER", () -> roles.create("Ops Lead " + suffix(),
                "Runs operations.", DefaultCompetencyModel.criteria()));
        String fixedTitle = "Ops workflow " + suffix();
        SystemAuthentication.runAs("RECRUITER", () -> {
            publish(TaskSamples.workflow(fixedTitle, role.key()));
            publish(TaskSamples.critique("Ops memo A " + suffix(), role.key()));
            publish(TaskSamples.critique("Ops memo B " + suffix(), role.key()));
        });

        open("recruiter");
        click("new-assessment");
        String title = "Ops lead screen " + suffix();
        type("#assessment-title input", title);
        js("arguments[0].click()", waitFor(By.id("assessment-role")));
        By roleItem = By.xpath("//vaadin-select-item[normalize-space(.)='" + role.name() + "']");
        waitUntil(d -> !d.findElements(roleItem).isEmpty());
        js("arguments[0].click()", driver.findElement(roleItem));
        waitForVaadin();
        type("#assessment-intro textarea", "Welcome: two short tasks about running operations with AI.");

        click("add-fixed-slot");
        pick("fixed-task", fixedTitle + " — Workflow design · " + role.name());
        click("confirm-fixed-slot");
        click("add-random-slot");
        js("arguments[0].click()", waitFor(By.id("random-kind")));
        By kindItem = By.xpath("//vaadin-select-item[normalize-space(.)='AI-output critique']");
        waitUntil(d -> !d.findElements(kindItem).isEmpty());
        js("arguments[0].click()", driver.findElement(kindItem));
        waitUntil(d -> d.findElement(By.id("random-pool")).getText().equals("2 published tasks match"));
        click("confirm-random-slot");
        waitUntil(d -> d.findElements(By.cssSelector(".slot-row")).size() == 2);
        screenshot("recruiter-assessment-editor");

        click("open-assessment");
        confirm();
        waitUntil(d -> d.getPageSource().contains("Open for invitations · scored with " + role.name()));
        screenshot("recruiter-assessment-open");
    }

    private void publish(TaskContent content) {
        TaskDetail draft = bank.create(content.kind(), content);
        bank.publish(draft.id(), content, draft.lockVersion());
    }

    @Test
    void anImportOverTheLimitIsRefusedByTheServerEvenIfThePageLetsItThrough() {
        open("recruiter/transfer");
        waitFor(By.id("import-upload"));
        // A tampered page (or a script) skips the browser's 5 MB check and sends 8 MB.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const upload = document.getElementById('import-upload');
                upload.maxFileSize = Infinity;
                const big = new File([new Uint8Array(8 * 1024 * 1024).fill(97)], 'huge-bank.yaml', {type: 'text/yaml'});
                upload._addFiles([big]);""");
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains("huge-bank.yaml is larger than 5 MB")));
        assertThat(driver.findElements(By.id("import-result"))).as("nothing was imported")
                .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    }
}
