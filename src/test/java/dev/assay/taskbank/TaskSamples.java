package dev.assay.taskbank;

import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.AutomationPlan;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import dev.assay.taskbank.TaskContent.WorkflowDesign;
import java.util.List;

/** Complete, publishable task content of each kind, for tests. */
public final class TaskSamples {

    private TaskSamples() {
    }

    public static TaskContent workflow(String title, String roleKey) {
        return new TaskContent(title, List.of(roleKey), List.of("workflow-thinking"), Difficulty.INTERMEDIATE, 30,
                List.of("reporting"), "Design the workflow you would run every Monday.",
                new WorkflowDesign("Every Monday you compile a churn-risk report from three exports.",
                        "A reviewed report and outreach drafts by 11:00.", List.of("No customer data in public tools"),
                        List.of("CRM", "Spreadsheet", "AI assistant"), "Checks after each AI step; a human sends outreach."),
                null, null);
    }

    public static TaskContent automation(String title, String roleKey) {
        List<WorkLogEntry> log = List.of(
                new WorkLogEntry("Mon", "Copy ticket counts into the weekly sheet", 40, true),
                new WorkLogEntry("Mon", "Interview a candidate", 60, false),
                new WorkLogEntry("Tue", "Copy ticket counts into the weekly sheet", 35, true),
                new WorkLogEntry("Wed", "Quarterly planning workshop", 120, false),
                new WorkLogEntry("Thu", "Paste ticket numbers into the sheet again", 45, true),
                new WorkLogEntry("Fri", "One-to-one with manager", 30, false));
        return new TaskContent(title, List.of(roleKey), List.of("automation-instinct"), Difficulty.INTRODUCTORY, 25,
                List.of("operations"), "Find what to automate and plan the top item.",
                null, new AutomationPlan("A support lead's week.", log, "The ticket-count copying is the obvious pick."),
                null);
    }

    public static TaskContent critique(String title, String roleKey) {
        return new TaskContent(title, List.of(roleKey), List.of("ai-critique"), Difficulty.ADVANCED, 30,
                List.of("analysis", "memo"), "Flag what is wrong, fix it, and say whether it can be sent.", null, null,
                new AiCritique("A manager asked an assistant to summarise Q3 sales.", "Summarise: Q3 sales 120, Q2 100.",
                        List.of("Sales grew 25% from Q2 to Q3.", "This was driven by the new pricing.", "Q4 will grow further."),
                        List.of(new PlantedFlaw(List.of(1), FlawCategory.WRONG_CALCULATION, "120/100 is 20%, not 25%."),
                                new PlantedFlaw(List.of(2), FlawCategory.LOGICAL_GAP, "Nothing links growth to pricing.")),
                        null));
    }
}
