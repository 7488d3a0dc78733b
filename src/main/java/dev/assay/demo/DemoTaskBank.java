package dev.assay.demo;

import dev.assay.base.SystemAuthentication;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.ImportReport;
import dev.assay.taskbank.RoleSummary;
import dev.assay.taskbank.SlotSpec;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskBankTransfer;
import dev.assay.taskbank.TaskFilter;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskStatus;
import dev.assay.taskbank.TaskSummary;
import dev.assay.taskbank.JobRoleService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded default setup: the starter library, plus one open assessment for the
 * Data Analyst role so the later steps (inviting, reviewing) have something to work with.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "assay.demo-data.enabled", havingValue = "true")
class DemoTaskBank implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTaskBank.class);

    private final TaskBankTransfer transfer;
    private final JobRoleService roleService;
    private final TaskBankService taskBank;
    private final AssessmentService assessments;

    DemoTaskBank(TaskBankTransfer transfer, JobRoleService roleService,
            TaskBankService taskBank, AssessmentService assessments) {
        this.transfer = transfer;
        this.roleService = roleService;
        this.taskBank = taskBank;
        this.assessments = assessments;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.runAs("RECRUITER", () -> {
            if (!roleService.list().isEmpty()) {
                return;
            }
            ImportReport report = transfer.importStarterLibrary();
            log.info("Loaded the starter library as demo data: {}", report.summary());
            RoleSummary analyst = roleService.list().stream().filter(r -> r.key().equals("data-analyst"))
                    .findFirst().orElseThrow();
            List<TaskSummary> tasks = taskBank.search(
                    new TaskFilter(null, "data-analyst", null, TaskStatus.PUBLISHED, null, null), 0, 50,
                    TaskBankService.SortBy.TITLE, true);
            SlotSpec workflow = fixed(tasks, TaskKind.WORKFLOW_DESIGN);
            SlotSpec critique = fixed(tasks, TaskKind.AI_OUTPUT_CRITIQUE);
            SlotSpec collaboration = fixed(tasks, TaskKind.AI_COLLABORATION);
            var assessment = assessments.create(new AssessmentSpec("Data Analyst — AI-first work sample",
                    analyst.id(), 120,
                    "Thank you for applying. This assessment asks you to do four short pieces of realistic "
                            + "analyst work: design a workflow, plan an automation, review an AI-written memo, and "
                            + "write a summary with the help of an AI assistant. There are no trick questions; we "
                            + "want to see how you think and how you work with AI. You may use notes, but please do "
                            + "the work yourself.",
                    true, List.of(workflow, SlotSpec.random(1, "data-analyst", TaskKind.AUTOMATION_PLAN, null, null),
                            critique, collaboration)));
            assessments.open(assessment.id());
        });
    }

    private static SlotSpec fixed(List<TaskSummary> tasks, TaskKind kind) {
        return SlotSpec.fixed(tasks.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow().publishedVersionId());
    }
}
