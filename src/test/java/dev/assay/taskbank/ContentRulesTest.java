package dev.assay.taskbank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.taskbank.ContentRules.RoleCatalog;
import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentRulesTest {

    private static final RoleCatalog CATALOG = RoleCatalog.of(Map.of("analyst",
            Set.of("workflow-thinking", "automation-instinct", "ai-critique")));

    private static List<Problem> rubricProblems(List<RubricCriterion> criteria) {
        Problems problems = new Problems();
        ContentRules.checkRubric(criteria, "criteria", problems);
        return problems.list();
    }

    private static List<Problem> taskProblems(TaskKind kind, TaskContent content, boolean complete) {
        Problems problems = new Problems();
        ContentRules.checkTask(kind, content, CATALOG, complete, "", problems);
        return problems.list();
    }

    @Test
    void theDefaultCompetencyModelIsAValidRubricWhoseWeightsAddUpToAHundredPercent() {
        List<RubricCriterion> model = DefaultCompetencyModel.criteria();

        assertThat(rubricProblems(model)).isEmpty();
        assertThat(model).extracting(RubricCriterion::key).containsExactly("workflow-thinking", "automation-instinct",
                "ai-critique", "directing-ai", "human-judgment", "communication");
        assertThat(model.stream().mapToDouble(c -> ContentRules.percentOf(c, model)).sum()).isEqualTo(100.0);
        assertThat(ContentRules.percentOf(model.getFirst(), model)).isEqualTo(20.0);
    }

    @Test
    void levelsOneThreeAndFiveMustBeWrittenWhileTwoAndFourMayBeLeftAsBetween() {
        RubricCriterion missingThree = new RubricCriterion("c", "Clarity", "Writes clearly", 10,
                List.of("Unclear", "", "", "", "Crystal clear"));

        assertThat(rubricProblems(List.of(missingThree))).extracting(Problem::toString)
                .containsExactly("criteria[0].levels.3: describe what level 3 looks like");
        assertThat(missingThree.anchor(2)).isEqualTo("Between level 1 and level 3.");
    }

    @Test
    void weightsMustBePositiveAndKeysUnique() {
        RubricCriterion a = new RubricCriterion("same", "A", "m", 0, List.of("1", "", "3", "", "5"));
        RubricCriterion b = new RubricCriterion("same", "B", "m", 5, List.of("1", "", "3", "", "5"));

        assertThat(rubricProblems(List.of(a, b))).extracting(Problem::toString).containsExactly(
                "criteria[0].weight: must be a whole number from 1 to 1000 (it is 0)",
                "criteria[1].key: 'same' is used by another criterion of this rubric");
        assertThat(rubricProblems(List.of())).extracting(Problem::message)
                .containsExactly("a rubric needs at least one criterion");
    }

    @Test
    void completeSamplesOfEveryKindArePublishable() {
        assertThat(taskProblems(TaskKind.WORKFLOW_DESIGN, TaskSamples.workflow("W", "analyst"), true)).isEmpty();
        assertThat(taskProblems(TaskKind.AUTOMATION_PLAN, TaskSamples.automation("A", "analyst"), true)).isEmpty();
        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, TaskSamples.critique("C", "analyst"), true)).isEmpty();
        assertThat(taskProblems(TaskKind.AI_COLLABORATION, TaskSamples.collaboration("S", "analyst"), true)).isEmpty();
    }

    @Test
    void aPlaybookIsCheckedFlawByFlawAndIntentByIntent() {
        TaskContent ok = TaskSamples.collaboration("S", "analyst");
        TaskContent.AiCollaboration c = ok.collaboration();
        TaskContent.Intent draft = c.assistant().intents().getFirst();
        TaskContent.Intent broken = new TaskContent.Intent("draft-summary", List.of(), List.of("draft-summary", "nope"),
                draft.reply(), List.of(new TaskContent.ReplyFlaw("31%", null, "", ""), draft.flaws().get(1)));
        TaskContent.Intent twin = new TaskContent.Intent("draft-summary", List.of("Again"), List.of(), "A reply.",
                List.of());
        TaskContent.Playbook book = new TaskContent.Playbook(0.95, "", new TaskContent.OffTopic(List.of(), ""),
                List.of(broken, twin));
        TaskContent bad = new TaskContent("S", ok.roles(), ok.criteria(), ok.difficulty(), ok.timeLimitMinutes(),
                ok.tags(), ok.instructions(), null, null, null, new TaskContent.AiCollaboration(c.scenario(),
                        c.materials(), c.deliverable(), book, c.guidance()));

        assertThat(taskProblems(TaskKind.AI_COLLABORATION, bad, true)).extracting(Problem::path).containsExactlyInAnyOrder(
                "assistant.threshold", "assistant.fallback", "assistant.off-topic.reply", "assistant.off-topic.examples",
                "assistant.intents[0].examples", "assistant.intents[0].after", "assistant.intents[0].after",
                "assistant.intents[0].flaws[0].text", "assistant.intents[0].flaws[0].category",
                "assistant.intents[0].flaws[0].explanation", "assistant.intents[1].key");
        // A draft may leave the playbook unfinished, but not break its sizes or the flaws' anchoring.
        assertThat(taskProblems(TaskKind.AI_COLLABORATION, TaskContent.blank(TaskKind.AI_COLLABORATION), false))
                .extracting(Problem::path).containsExactly("title");
    }

    @Test
    void aDraftNeedsOnlyATitleButPublishingNeedsEverything() {
        TaskContent blank = TaskContent.blank(TaskKind.AI_OUTPUT_CRITIQUE);
        TaskContent titled = new TaskContent("Review the memo", blank.roles(), blank.criteria(), blank.difficulty(),
                blank.timeLimitMinutes(), blank.tags(), blank.instructions(), null, null, blank.critique());

        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, blank, false)).extracting(Problem::path).containsExactly("title");
        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, titled, false)).isEmpty();
        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, titled, true)).extracting(Problem::path)
                .containsExactly("roles", "criteria", "instructions", "scenario", "prompt", "segments", "flaws");
    }

    @Test
    void aFlawMustPointAtExistingSegmentsAndEveryCritiqueNeedsOne() {
        TaskContent sample = TaskSamples.critique("C", "analyst");
        AiCritique c = sample.critique();
        List<PlantedFlaw> flaws = new ArrayList<>(c.flaws());
        flaws.add(new PlantedFlaw(List.of(12), FlawCategory.FABRICATED_FACT, "Invented."));
        flaws.add(new PlantedFlaw(List.of(1), FlawCategory.WRONG_CALCULATION, "Counted twice."));
        TaskContent wrong = withCritique(sample, new AiCritique(c.scenario(), c.prompt(), c.segments(), flaws, null));
        TaskContent none = withCritique(sample, new AiCritique(c.scenario(), c.prompt(), c.segments(), List.of(), null));

        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, wrong, true)).extracting(Problem::toString).containsExactly(
                "flaws[2].segments: segment 12 does not exist (the output has 3 segments)",
                "flaws[3].segments: segment 1 already has a wrong calculation flaw");
        assertThat(taskProblems(TaskKind.AI_OUTPUT_CRITIQUE, none, true)).extracting(Problem::path).containsExactly("flaws");
    }

    @Test
    void rolesAndCriteriaMustExistAndCriteriaMustBelongToTheTasksRoles() {
        TaskContent sample = TaskSamples.workflow("W", "analyst");
        TaskContent unknownRole = new TaskContent("W", List.of("astronaut"), List.of("workflow-thinking"),
                sample.difficulty(), 30, List.of(), "Do it", sample.workflow(), null, null);
        TaskContent foreignCriterion = new TaskContent("W", List.of("analyst"), List.of("bravery"),
                sample.difficulty(), 30, List.of("Bad Tag"), "Do it", sample.workflow(), null, null);

        assertThat(taskProblems(TaskKind.WORKFLOW_DESIGN, unknownRole, true)).extracting(Problem::toString)
                .containsExactly("roles[0]: there is no role 'astronaut'");
        assertThat(taskProblems(TaskKind.WORKFLOW_DESIGN, foreignCriterion, true)).extracting(Problem::path)
                .containsExactly("criteria[0]", "tags[0]");
    }

    @Test
    void oversizeTextIsRefusedWithItsLengthNotTruncated() {
        TaskContent sample = TaskSamples.workflow("W", "analyst");
        TaskContent huge = new TaskContent("W", sample.roles(), sample.criteria(), sample.difficulty(), 30,
                sample.tags(), "x".repeat(ContentRules.MAX_TEXT + 1), sample.workflow(), null, null);

        assertThat(taskProblems(TaskKind.WORKFLOW_DESIGN, huge, true)).extracting(Problem::toString)
                .containsExactly("instructions: is 20,001 characters long; the limit is 20,000");
    }

    @Test
    void aWorkLogMustMarkItsHiddenRepetitiveWork() {
        TaskContent sample = TaskSamples.automation("A", "analyst");
        var unmarked = sample.automation().workLog().stream()
                .map(e -> new TaskContent.WorkLogEntry(e.day(), e.activity(), e.minutes(), false)).toList();
        TaskContent content = new TaskContent("A", sample.roles(), sample.criteria(), sample.difficulty(), 30,
                sample.tags(), sample.instructions(), null,
                new TaskContent.AutomationPlan("s", unmarked, "g"), null);

        assertThat(taskProblems(TaskKind.AUTOMATION_PLAN, content, true)).extracting(Problem::path).containsExactly("work-log");
    }

    private static TaskContent withCritique(TaskContent c, AiCritique critique) {
        return new TaskContent(c.title(), c.roles(), c.criteria(), c.difficulty(), c.timeLimitMinutes(), c.tags(),
                c.instructions(), null, null, critique);
    }

    @Test
    void titlesAndCriterionNamesMustBePlainText() {
        RubricCriterion hidden = new RubricCriterion("c", "Clarity\u0000", "Writes clearly", 10,
                List.of("Unclear", "", "Fair", "", "Crystal clear"));
        assertThat(rubricProblems(List.of(hidden))).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("criteria[0].name: contains an invisible or control character (U+0000"));
    }
}
