package dev.assay.taskbank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.DefaultCompetencyModel;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.JobRoleService;
import dev.assay.taskbank.RoleDetail;
import dev.assay.taskbank.RoleSummary;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskDetail;
import dev.assay.taskbank.TaskFilter;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskSamples;
import dev.assay.taskbank.TaskStatus;
import dev.assay.taskbank.TaskSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The recruiter's workspace views, exercised without a browser against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class TaskBankViewsIT extends SpringBrowserlessTest {

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private RoleDetail role() {
        return roles.create("Ops Analyst " + suffix(), "Keeps operations running.", DefaultCompetencyModel.criteria());
    }

    private TaskSummary find(String title) {
        return bank.search(new TaskFilter(title, null, null, null, null, null), 0, 5, TaskBankService.SortBy.TITLE, true)
                .getFirst();
    }

    private void fillBasics(String title, RoleDetail role, String criterionName) {
        test($(TextField.class).id("task-title")).setValue(title);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<RoleSummary> roleBox = $(MultiSelectComboBox.class).id("task-roles");
        test(roleBox).selectItem(role.name());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> criteria = $(MultiSelectComboBox.class).id("task-criteria");
        test(criteria).selectItem(criterionName);
        test($(TextArea.class).id("task-instructions")).setValue("Do the work described below.");
    }

    private void publish() {
        test($(Button.class).id("publish")).click();
        test($(ConfirmDialog.class).first()).confirm();
    }

    private String previewText() {
        return $(Div.class).id("task-preview").getElement().getTextRecursively();
    }

    @Test
    void aRecruiterCreatesARoleWhoseRubricStartsFromTheCompetencyModel() {
        navigate(RoleEditorView.class);
        String name = "Support Lead " + suffix();
        test($(TextField.class).id("role-name")).setValue(name);
        test($(TextArea.class).id("role-description")).setValue("Runs the support desk and its AI triage.");
        test($(IntegerField.class).withLabel("Weight").first()).setValue(40);
        test($(Button.class).withAriaLabel("Remove Clarity of communication").single()).click();
        test($(ConfirmDialog.class).first()).confirm();
        test($(Button.class).id("save-role")).click();

        RoleSummary created = roles.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        List<RubricCriterion> rubric = roles.get(created.id()).currentRubric().criteria();
        assertThat(rubric).extracting(RubricCriterion::key).containsExactly("workflow-thinking", "automation-instinct",
                "ai-critique", "directing-ai", "human-judgment");
        assertThat(rubric.getFirst().weight()).isEqualTo(40);
    }

    @Test
    void aRubricWithoutItsLevelThreeAnchorIsNotSavedAndSaysWhy() {
        RoleDetail role = role();
        navigate(RoleEditorView.class, role.id());
        test($(TextArea.class).withLabel("Level 3").first()).setValue("");
        test($(Button.class).id("save-role")).click();

        assertThat($(ProblemList.class).single().getElement().getTextRecursively())
                .contains("Criterion 1 · Level 3", "describe what level 3 looks like");
        assertThat(roles.get(role.id()).currentRubric().criteria()).isEqualTo(DefaultCompetencyModel.criteria());
    }

    @Test
    void aWorkflowTaskIsWrittenPreviewedWithoutReviewerNotesAndPublished() {
        RoleDetail role = role();
        navigate(TaskEditorView.class, "new-workflow-design");
        String title = "Monday churn workflow " + suffix();
        fillBasics(title, role, "Workflow thinking");
        test($(TextArea.class).id("wf-scenario")).setValue("Every Monday you compile a churn report from three exports.");
        test($(TextArea.class).id("wf-goal")).setValue("Outreach drafts ready by 11:00.");
        test($(TextArea.class).id("wf-tools")).setValue("CRM\nSpreadsheet\n\nAI assistant");
        test($(TextArea.class).id("wf-strong-answer")).setValue("SECRET-GUIDANCE for reviewers");

        assertThat(previewText()).contains(title, "Every Monday you compile", "AI assistant")
                .doesNotContain("SECRET-GUIDANCE");
        publish();

        TaskSummary task = find(title);
        assertThat(task.status()).isEqualTo(TaskStatus.PUBLISHED);
        TaskContent content = bank.get(task.id()).content();
        assertThat(content.workflow().tools()).containsExactly("CRM", "Spreadsheet", "AI assistant");
        assertThat(content.roles()).containsExactly(role.key());
    }

    @Test
    void anAutomationTaskHidesTheRepetitiveMarksFromThePreview() {
        RoleDetail role = role();
        navigate(TaskEditorView.class, "new-automation-plan");
        String title = "Ops week " + suffix();
        fillBasics(title, role, "Automation instinct");
        test($(TextArea.class).id("ap-scenario")).setValue("An operations analyst's week.");
        test($(TextArea.class).id("ap-guidance")).setValue("The ticket copying is the pick.");
        for (int i = 0; i < 5; i++) {
            test($(Button.class).id("add-activity")).click();
        }
        List<TextField> activities = $(TextField.class).withAriaLabel("Activity").all();
        for (int i = 0; i < activities.size(); i++) {
            test(activities.get(i)).setValue(i % 2 == 0 ? "Copy ticket counts into the sheet" : "Workshop " + i);
        }
        List<Checkbox> repetitive = $(Checkbox.class).withAriaLabel("Repetitive (reviewers only)").all();
        test(repetitive.get(0)).click();
        test(repetitive.get(2)).click();

        assertThat(previewText()).contains("Copy ticket counts into the sheet", "Workshop 1")
                .doesNotContain("Repetitive").doesNotContain("The ticket copying is the pick");
        publish();

        TaskSummary task = find(title);
        assertThat(task.status()).isEqualTo(TaskStatus.PUBLISHED);
        assertThat(bank.get(task.id()).content().automation().workLog())
                .extracting(TaskContent.WorkLogEntry::repetitive).containsExactly(true, false, true, false, false);
    }

    @Test
    void aCritiqueTaskIsSplitIntoSegmentsWithAPlantedFlawAndPublished() {
        RoleDetail role = role();
        navigate(TaskEditorView.class, "new-ai-output-critique");
        String title = "Q3 memo critique " + suffix();
        fillBasics(title, role, "Critique and validation of AI output");
        test($(TextArea.class).id("ac-scenario")).setValue("A manager asked the assistant for a Q3 summary.");
        test($(TextArea.class).id("ac-prompt")).setValue("Summarise: Q3 sales 120, Q2 100.");
        test($(TextArea.class).id("ac-artifact")).setValue("Q3 summary\nSales grew 25% on Q2. Pricing drove it. Q4 will be better.");
        test($(Button.class).id("split-artifact")).click();
        assertThat($(TextArea.class).withAriaLabelContaining("Segment ").all()).hasSize(4);

        test($(Button.class).withAriaLabel("Merge segment 3 with the next").single()).click();
        assertThat($(TextArea.class).withAriaLabelContaining("Segment ").all()).hasSize(3);
        test($(Button.class).id("add-flaw")).click();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Integer> where = $(MultiSelectComboBox.class).withLabel("Segments").single();
        where.setValue(Set.of(2));
        @SuppressWarnings("unchecked")
        Select<FlawCategory> category = $(Select.class).withLabel("Category").single();
        category.setValue(FlawCategory.WRONG_CALCULATION);
        test($(TextArea.class).withLabel("Why it is wrong").single()).setValue("120 on 100 is 20%, not 25%.");

        assertThat(previewText()).contains("Sales grew 25% on Q2.", "Pricing drove it. Q4 will be better.")
                .doesNotContain("120 on 100 is 20%");
        publish();

        TaskDetail task = bank.get(find(title).id());
        assertThat(task.summary().status()).isEqualTo(TaskStatus.PUBLISHED);
        assertThat(task.content().critique().segments()).containsExactly("Q3 summary", "Sales grew 25% on Q2.",
                "Pricing drove it. Q4 will be better.");
        assertThat(task.content().critique().flaws()).singleElement()
                .satisfies(f -> assertThat(f.segments()).containsExactly(2));
    }

    @Test
    void anAiCollaborationTaskIsWrittenTestedInThePlaybookBoxAndPublished() {
        RoleDetail role = role();
        navigate(TaskEditorView.class, "new-ai-collaboration");
        String title = "Q3 summary with the assistant " + suffix();
        fillBasics(title, role, "Directing AI");
        test($(TextArea.class).id("co-scenario")).setValue("The sales director wants two lines on Q3.");
        test($(TextArea.class).id("co-materials")).setValue("Units sold:\n\n| Quarter | Units |\n| --- | --- |\n"
                + "| Q2 | 100 |\n| Q3 | 120 |");
        test($(TextArea.class).id("co-deliverable")).setValue("Two sentences for the director.");
        for (int i = 0; i < 2; i++) {
            test($(Button.class).id("add-intent")).click();
        }
        var keys = $(TextField.class).withLabel("Key").all();
        var examples = $(TextArea.class).withLabel("Example prompts, one per line").all();
        var replies = $(TextArea.class).withLabel("The assistant's reply").all();
        test(keys.get(0)).setValue("draft");
        test(examples.get(0)).setValue("Draft the summary for me\nWrite a first version");
        test(replies.get(0)).setValue("Q3 sales were 120 units, up 25% on Q2.");
        test(keys.get(1)).setValue("check");
        test(examples.get(1)).setValue("Check the growth rate\nVerify the percentage");
        test(replies.get(1)).setValue("From 100 to 120 is 20%.");
        test($(Button.class).withText("Plant a flaw in this reply").all().getFirst()).click();
        test($(TextField.class).withLabel("Flawed text").single()).setValue("25%");
        @SuppressWarnings("unchecked")
        Select<FlawCategory> category = $(Select.class).withLabel("Category").single();
        category.setValue(FlawCategory.WRONG_CALCULATION);
        test($(TextField.class).withLabel("Correct version (optional)").single()).setValue("20%");
        test($(TextArea.class).withLabel("Why it is wrong, and how to check it").single()).setValue("120/100 is 20%.");
        test($(TextArea.class).withLabel("Fallback reply").single()).setValue("I can draft it or check a figure.");
        test($(TextArea.class).withLabel("Off-topic or unsafe prompts, one per line").single()).setValue("Tell me a joke");
        test($(TextArea.class).withLabel("Off-topic reply").single()).setValue("Let's stay on the summary.");

        // The playbook test answers as candidates' assistants will, with the real embedding model.
        test($(TextField.class).id("try-prompt")).setValue("could you write a first draft of the summary?");
        test($(Button.class).id("try-button")).click();
        assertThat($(Div.class).id("try-result").getElement().getTextRecursively())
                .contains("Answered by intent “draft”", "planted flaw 1", "Nearest intents: draft");
        assertThat($(Div.class).id("try-log").getElement().getTextRecursively())
                .contains("could you write a first draft of the summary?", "up 25% on Q2");
        assertThat(previewText()).contains("The materials", "Q3").doesNotContain("120/100 is 20%")
                .doesNotContain("up 25% on Q2");
        publish();

        TaskDetail task = bank.get(find(title).id());
        assertThat(task.summary().status()).isEqualTo(TaskStatus.PUBLISHED);
        assertThat(task.content().collaboration().assistant().flaws()).singleElement()
                .satisfies(f -> assertThat(f.flaw().correction()).isEqualTo("20%"));
        assertThat(task.content().collaboration().assistant().intents()).extracting(TaskContent.Intent::key)
                .containsExactly("draft", "check");
    }

    @Test
    void publishingAnIncompleteTaskListsWhatIsMissingAndPublishesNothing() {
        navigate(TaskEditorView.class, "new-ai-output-critique");
        test($(TextField.class).id("task-title")).setValue("Unfinished " + suffix());
        test($(Button.class).id("publish")).click();

        assertThat($(ConfirmDialog.class).all()).isEmpty();
        assertThat($(ProblemList.class).single().getElement().getTextRecursively())
                .contains("Before publishing", "Roles", "choose at least one role", "Flaws");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssessmentWithAFixedTaskAndARandomPickIsBuiltAndOpened() {
        RoleDetail role = role();
        TaskDetail fixed = bank.create(TaskKind.WORKFLOW_DESIGN, TaskSamples.workflow("Fixed flow " + suffix(), role.key()));
        bank.publish(fixed.id(), bank.get(fixed.id()).content(), bank.get(fixed.id()).lockVersion());
        for (int i = 0; i < 2; i++) {
            TaskContent c = TaskSamples.critique("Pool memo " + i + " " + suffix(), role.key());
            TaskDetail d = bank.create(TaskKind.AI_OUTPUT_CRITIQUE, c);
            bank.publish(d.id(), c, d.lockVersion());
        }
        navigate(AssessmentEditorView.class);
        String title = "Ops screen " + suffix();
        test($(TextField.class).id("assessment-title")).setValue(title);
        Select<RoleSummary> roleSelect = $(Select.class).id("assessment-role");
        roleSelect.setValue(roles.list().stream().filter(r -> r.id() == role.id()).findFirst().orElseThrow());
        test($(TextArea.class).id("assessment-intro")).setValue("Welcome. Two short tasks follow.");
        test($(IntegerField.class).id("assessment-minutes")).setValue(75);

        test($(Button.class).id("add-fixed-slot")).click();
        ComboBox<TaskSummary> fixedBox = $(ComboBox.class).id("fixed-task");
        fixedBox.setValue(fixedBox.getListDataView().getItems()
                .filter(t -> t.id() == fixed.id()).findFirst().orElseThrow());
        test($(Button.class).id("confirm-fixed-slot")).click();

        test($(Button.class).id("add-random-slot")).click();
        test($(IntegerField.class).id("random-count")).setValue(2);
        $(Select.class).id("random-kind").setValue(TaskKind.AI_OUTPUT_CRITIQUE);
        assertThat($(com.vaadin.flow.component.html.Span.class).id("random-pool").getText())
                .isEqualTo("2 published tasks match");
        test($(Button.class).id("confirm-random-slot")).click();
        // Three tasks of about 30 minutes each do not fit in 75: the editor says so where the times add up.
        var summary = $(com.vaadin.flow.component.html.Span.class).id("slot-summary");
        assertThat(summary.getText()).contains("about 90 min").contains("more than the 75-minute limit");
        test($(IntegerField.class).id("assessment-minutes")).setValue(90);
        assertThat(summary.getText()).doesNotContain("more than");

        test($(Button.class).id("open-assessment")).click();
        test($(ConfirmDialog.class).first()).confirm();

        AssessmentSummary saved = assessments.list().stream().filter(a -> a.title().equals(title)).findFirst().orElseThrow();
        assertThat(saved.status()).isEqualTo(AssessmentStatus.OPEN);
        assertThat(saved.taskCount()).isEqualTo(3);
        assertThat(roles.get(role.id()).currentRubric().frozen()).isTrue();
    }

    @Test
    void aBrokenUploadIsRefusedWithItsProblemsAndTheBankExportsAsYaml() throws Exception {
        navigate(TransferView.class);
        String broken = "format: assay-task-bank/1\nroles:\n  - key: Not A Key\n";
        test($(Upload.class).id("import-upload")).upload("bank.yaml", "application/yaml",
                broken.getBytes(StandardCharsets.UTF_8));

        String shown = $(ProblemList.class).single().getElement().getTextRecursively();
        assertThat(shown).contains("bank.yaml: Nothing was imported", "roles[0].key", "roles[0].name");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test($(Anchor.class).id("export-bank")).download(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("format: assay-task-bank/1");
    }
}
