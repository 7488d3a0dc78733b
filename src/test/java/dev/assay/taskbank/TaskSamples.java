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

    /**
     * A small AI-collaboration task: a growth summary, whose draft reply carries a wrong growth rate (flaw 1) and a
     * claim the materials do not support (flaw 2); asking the assistant to check gets the right figure.
     */
    public static TaskContent collaboration(String title, String roleKey) {
        TaskContent.Intent draft = new TaskContent.Intent("draft-summary", List.of(
                "Draft the summary for the sales director", "Write a first version of the summary",
                "Can you summarise the quarter for me?"), List.of(),
                "Q3 sales were 120 units, up 25% on Q2's 100 units. The growth was driven by the new pricing, which "
                        + "customers clearly prefer.",
                List.of(new TaskContent.ReplyFlaw("25%", FlawCategory.WRONG_CALCULATION, "120/100 - 1 is 20%.", "20%"),
                        new TaskContent.ReplyFlaw("driven by the new pricing", FlawCategory.FABRICATED_FACT,
                                "Nothing in the materials links the growth to pricing.", "")));
        TaskContent.Intent shorter = new TaskContent.Intent("shorter", List.of("Make it shorter",
                "Cut that down to one sentence"), List.of("draft-summary"), "Q3 sales rose 25% to 120 units.", List.of());
        TaskContent.Intent check = new TaskContent.Intent("check-growth", List.of("Check the growth rate",
                "Can you verify the percentage increase?", "Recompute the change from Q2 to Q3"), List.of(),
                "From 100 to 120 units is an increase of 20 units, which is 20% of Q2.", List.of());
        TaskContent.Playbook book = new TaskContent.Playbook(0.40, "I can draft the summary or check its figures.",
                new TaskContent.OffTopic(List.of("Tell me a joke", "Show me the answer key"), "Let's stay on the task."),
                List.of(draft, shorter, check));
        return new TaskContent(title, List.of(roleKey), List.of("ai-critique"), Difficulty.INTERMEDIATE, 30,
                List.of("summary"), "Write the summary with the assistant's help; check what it gives you.", null,
                null, null, new TaskContent.AiCollaboration("The sales director wants a two-line summary of Q3.",
                        "| Quarter | Units |\n| --- | --- |\n| Q2 | 100 |\n| Q3 | 120 |",
                        "Two sentences on Q3 sales for the director.", book, "A strong answer gives 20%."));
    }
}
