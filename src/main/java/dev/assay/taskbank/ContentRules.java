package dev.assay.taskbank;

import dev.assay.base.PlainText;
import dev.assay.taskbank.TaskContent.AiCollaboration;
import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.AutomationPlan;
import dev.assay.taskbank.TaskContent.Intent;
import dev.assay.taskbank.TaskContent.Playbook;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import dev.assay.taskbank.TaskContent.ReplyFlaw;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import dev.assay.taskbank.TaskContent.WorkflowDesign;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every rubric and task must meet. Each check reports all problems with their location, so
 * the editor, publishing and file import all say the same thing in the same words.
 */
public final class ContentRules {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_TITLE = 160;
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 4_000;
    public static final int MAX_LINE = 2_000;
    public static final int MAX_CRITERIA = 12;
    public static final int MAX_WEIGHT = 1_000;
    public static final int MIN_TASK_MINUTES = 5;
    public static final int MAX_TASK_MINUTES = 240;
    public static final int MAX_TAGS = 12;
    public static final int MIN_WORK_LOG = 5;
    public static final int MAX_WORK_LOG = 60;
    public static final int MIN_SEGMENTS = 3;
    public static final int MAX_SEGMENTS = 80;
    public static final int MAX_FLAWS = 20;
    public static final int MAX_LIST_ITEMS = 20;
    public static final int MIN_INTENTS = 2;
    public static final int MAX_INTENTS = 30;
    public static final int MAX_EXAMPLES = 12;
    public static final int MAX_PROMPT = 1_000;
    public static final int MAX_REPLY = 6_000;
    public static final int MAX_REPLY_FLAWS = 10;
    public static final double MIN_THRESHOLD = 0.3;
    public static final double MAX_THRESHOLD = 0.9;
    public static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private ContentRules() {
    }

    /** How a check finds out which roles exist and which criteria each role's current rubric has. */
    public interface RoleCatalog {
        /** Criterion keys of the role's current rubric, or {@code null} if there is no such role. */
        Set<String> criteriaOf(String roleKey);

        static RoleCatalog of(Map<String, Set<String>> criteriaByRole) {
            return criteriaByRole::get;
        }
    }

    // ---- rubrics -------------------------------------------------------------------------------

    public static void checkRubric(List<RubricCriterion> criteria, String path, Problems problems) {
        if (criteria.isEmpty()) {
            problems.add(path, "a rubric needs at least one criterion");
            return;
        }
        if (criteria.size() > MAX_CRITERIA) {
            problems.add(path, "a rubric can have at most " + MAX_CRITERIA + " criteria (it has " + criteria.size() + ")");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            RubricCriterion c = criteria.get(i);
            String at = path + "[" + i + "]";
            if (!Keys.isValid(c.key())) {
                problems.add(at + ".key", "must be lower-case letters, digits and '-' (at most " + Keys.MAX_LENGTH + " characters)");
            } else if (!keys.add(c.key())) {
                problems.add(at + ".key", "'" + c.key() + "' is used by another criterion of this rubric");
            }
            name(c.name(), MAX_NAME, at + ".name", "a criterion needs a name", problems);
            required(c.measures(), MAX_LINE, at + ".measures", "say what this criterion measures", problems);
            if (c.weight() < 1 || c.weight() > MAX_WEIGHT) {
                problems.add(at + ".weight", "must be a whole number from 1 to " + MAX_WEIGHT + " (it is " + c.weight() + ")");
            }
            for (int level = 1; level <= RubricCriterion.LEVELS; level++) {
                String text = c.levels().get(level - 1);
                boolean mustWrite = level % 2 == 1;
                if (mustWrite && text.isBlank()) {
                    problems.add(at + ".levels." + level, "describe what level " + level + " looks like");
                } else if (text.length() > MAX_LINE) {
                    problems.add(at + ".levels." + level, tooLong(MAX_LINE, text));
                }
            }
        }
    }

    /** Each weight as a share of the total, in percent, rounded to one decimal. */
    public static double percentOf(RubricCriterion criterion, List<RubricCriterion> all) {
        int total = all.stream().mapToInt(c -> Math.max(0, c.weight())).sum();
        return total == 0 ? 0 : Math.round(1000.0 * Math.max(0, criterion.weight()) / total) / 10.0;
    }

    // ---- tasks ---------------------------------------------------------------------------------

    /**
     * Checks a task version. A draft needs only a title and sane sizes, so authors can save as they go;
     * publishing ({@code complete = true}) needs everything.
     */
    public static void checkTask(TaskKind kind, TaskContent content, RoleCatalog catalog, boolean complete,
            String path, Problems problems) {
        String p = path.isEmpty() ? "" : path + ".";
        name(content.title(), MAX_TITLE, p + "title", "give the task a title", problems);
        if (content.kind() != kind || sections(content) != 1) {
            problems.add(p + "kind", "the content does not match the task kind " + kind.code());
            return;
        }
        Set<String> criteriaOfRoles = new HashSet<>();
        if (complete && content.roles().isEmpty()) {
            problems.add(p + "roles", "choose at least one role");
        }
        Set<String> seenRoles = new HashSet<>();
        for (int i = 0; i < content.roles().size(); i++) {
            String role = content.roles().get(i);
            Set<String> criteria = catalog.criteriaOf(role);
            if (!seenRoles.add(role)) {
                problems.add(p + "roles[" + i + "]", "role '" + role + "' is listed twice");
            } else if (criteria == null) {
                problems.add(p + "roles[" + i + "]", "there is no role '" + role + "'");
            } else {
                criteriaOfRoles.addAll(criteria);
            }
        }
        if (complete && content.criteria().isEmpty()) {
            problems.add(p + "criteria", "choose at least one rubric criterion the task gives evidence for");
        }
        for (int i = 0; i < content.criteria().size(); i++) {
            String criterion = content.criteria().get(i);
            if (!criteriaOfRoles.isEmpty() && !criteriaOfRoles.contains(criterion)) {
                problems.add(p + "criteria[" + i + "]", "criterion '" + criterion + "' is not in the rubric of the task's roles");
            }
        }
        if (content.difficulty() == null) {
            problems.add(p + "difficulty", "choose a difficulty");
        }
        if (content.timeLimitMinutes() < MIN_TASK_MINUTES || content.timeLimitMinutes() > MAX_TASK_MINUTES) {
            problems.add(p + "time-limit-minutes", "must be from " + MIN_TASK_MINUTES + " to " + MAX_TASK_MINUTES
                    + " minutes (it is " + content.timeLimitMinutes() + ")");
        }
        if (content.tags().size() > MAX_TAGS) {
            problems.add(p + "tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < content.tags().size(); i++) {
            String tag = content.tags().get(i);
            if (tag == null || tag.length() > 40 || !TAG.matcher(tag).matches()) {
                problems.add(p + "tags[" + i + "]", "a tag is lower-case letters, digits and '-' (at most 40 characters)");
            } else if (!tags.add(tag)) {
                problems.add(p + "tags[" + i + "]", "tag '" + tag + "' is listed twice");
            }
        }
        text(content.instructions(), complete, p + "instructions", "tell the candidate what to do", problems);
        switch (kind) {
            case WORKFLOW_DESIGN -> checkWorkflow(content.workflow(), complete, p, problems);
            case AUTOMATION_PLAN -> checkAutomation(content.automation(), complete, p, problems);
            case AI_OUTPUT_CRITIQUE -> checkCritique(content.critique(), complete, p, problems);
            case AI_COLLABORATION -> checkCollaboration(content.collaboration(), complete, p, problems);
        }
    }

    private static int sections(TaskContent c) {
        return (c.workflow() == null ? 0 : 1) + (c.automation() == null ? 0 : 1) + (c.critique() == null ? 0 : 1)
                + (c.collaboration() == null ? 0 : 1);
    }

    private static void checkWorkflow(WorkflowDesign w, boolean complete, String p, Problems problems) {
        text(w.scenario(), complete, p + "scenario", "describe the scenario", problems);
        text(w.goal(), complete, p + "goal", "say what the workflow must achieve", problems);
        lines(w.constraints(), p + "constraints", problems);
        lines(w.tools(), p + "tools", problems);
        text(w.strongAnswer(), complete, p + "strong-answer", "tell reviewers what a strong answer tends to include", problems);
    }

    private static void checkAutomation(AutomationPlan a, boolean complete, String p, Problems problems) {
        text(a.scenario(), complete, p + "scenario", "describe whose week this is", problems);
        List<WorkLogEntry> log = a.workLog();
        if (complete && log.size() < MIN_WORK_LOG) {
            problems.add(p + "work-log", "a work log needs at least " + MIN_WORK_LOG + " activities (it has " + log.size() + ")");
        }
        if (log.size() > MAX_WORK_LOG) {
            problems.add(p + "work-log", "a work log can have at most " + MAX_WORK_LOG + " activities (it has " + log.size() + ")");
        }
        for (int i = 0; i < log.size(); i++) {
            WorkLogEntry e = log.get(i);
            String at = p + "work-log[" + i + "]";
            if (!WorkLogEntry.DAYS.contains(e.day())) {
                problems.add(at + ".day", "must be one of " + String.join(", ", WorkLogEntry.DAYS));
            }
            required(e.activity(), MAX_LINE, at + ".activity", "describe the activity", problems);
            if (e.minutes() < 1 || e.minutes() > 600) {
                problems.add(at + ".minutes", "must be from 1 to 600 (it is " + e.minutes() + ")");
            }
        }
        if (complete && log.size() >= MIN_WORK_LOG && log.stream().noneMatch(WorkLogEntry::repetitive)) {
            problems.add(p + "work-log", "mark the repetitive activities hidden in the log (reviewers see the marks, candidates do not)");
        }
        text(a.guidance(), complete, p + "guidance", "tell reviewers what a strong plan contains", problems);
    }

    private static void checkCritique(AiCritique c, boolean complete, String p, Problems problems) {
        text(c.scenario(), complete, p + "scenario", "describe who asked the AI for what", problems);
        text(c.prompt(), complete, p + "prompt", "give the prompt the AI was given", problems);
        List<String> segments = c.segments();
        if (complete && segments.size() < MIN_SEGMENTS) {
            problems.add(p + "segments", "the AI output needs at least " + MIN_SEGMENTS + " segments (it has " + segments.size() + ")");
        }
        if (segments.size() > MAX_SEGMENTS) {
            problems.add(p + "segments", "the AI output can have at most " + MAX_SEGMENTS + " segments (it has " + segments.size() + ")");
        }
        for (int i = 0; i < segments.size(); i++) {
            required(segments.get(i), MAX_LINE, p + "segments[" + i + "]", "segment " + (i + 1) + " is empty", problems);
        }
        if (complete && c.flaws().isEmpty()) {
            problems.add(p + "flaws", "plant at least one flaw: which segments hold it, its category and why it is wrong");
        }
        if (c.flaws().size() > MAX_FLAWS) {
            problems.add(p + "flaws", "at most " + MAX_FLAWS + " planted flaws");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.flaws().size(); i++) {
            PlantedFlaw f = c.flaws().get(i);
            String at = p + "flaws[" + i + "]";
            if (f.segments().isEmpty()) {
                problems.add(at + ".segments", "name at least one segment");
            }
            for (Integer s : f.segments()) {
                if (s == null || s < 1 || s > segments.size()) {
                    problems.add(at + ".segments", "segment " + s + " does not exist (the output has " + segments.size() + " segments)");
                } else if (f.category() != null && !seen.add(s + "/" + f.category())) {
                    problems.add(at + ".segments", "segment " + s + " already has a " + f.category().label().toLowerCase() + " flaw");
                }
            }
            if (f.category() == null) {
                problems.add(at + ".category", "choose a category");
            }
            text(f.explanation(), true, at + ".explanation", "explain the flaw for reviewers", problems);
        }
        text(c.guidance(), false, p + "guidance", "", problems);
    }

    private static void checkCollaboration(AiCollaboration c, boolean complete, String p, Problems problems) {
        text(c.scenario(), complete, p + "scenario", "describe who needs the deliverable and what done means", problems);
        text(c.materials(), complete, p + "materials", "give the materials the candidate works from", problems);
        text(c.deliverable(), complete, p + "deliverable", "say what the candidate writes in the work area", problems);
        text(c.guidance(), false, p + "guidance", "", problems);
        Playbook book = c.assistant();
        String a = p + "assistant.";
        if (Double.isNaN(book.threshold()) || book.threshold() < MIN_THRESHOLD || book.threshold() > MAX_THRESHOLD) {
            problems.add(a + "threshold", "must be from " + MIN_THRESHOLD + " to " + MAX_THRESHOLD + " (it is "
                    + book.threshold() + ")");
        }
        text(book.fallback(), complete, a + "fallback", "write the reply for prompts that match no intent", problems);
        text(book.offTopic().reply(), complete, a + "off-topic.reply", "write the reply for off-topic or unsafe prompts",
                problems);
        examples(book.offTopic().examples(), complete, a + "off-topic.examples", problems);
        List<Intent> intents = book.intents();
        if (complete && intents.size() < MIN_INTENTS) {
            problems.add(a + "intents", "the assistant needs at least " + MIN_INTENTS + " intents (it has "
                    + intents.size() + ")");
        }
        if (intents.size() > MAX_INTENTS) {
            problems.add(a + "intents", "at most " + MAX_INTENTS + " intents (it has " + intents.size() + ")");
        }
        Set<String> keys = new HashSet<>();
        for (Intent intent : intents) {
            keys.add(intent.key());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            String at = a + "intents[" + i + "]";
            if (!Keys.isValid(intent.key())) {
                problems.add(at + ".key", "must be lower-case letters, digits and '-' (at most " + Keys.MAX_LENGTH
                        + " characters)");
            } else if (!seen.add(intent.key())) {
                problems.add(at + ".key", "'" + intent.key() + "' is used by another intent");
            }
            examples(intent.examples(), true, at + ".examples", problems);
            for (String before : intent.after()) {
                if (before.equals(intent.key())) {
                    problems.add(at + ".after", "an intent cannot follow itself");
                } else if (!keys.contains(before)) {
                    problems.add(at + ".after", "'" + before + "' is not an intent of this assistant");
                }
            }
            required(intent.reply(), MAX_REPLY, at + ".reply", "write the assistant's reply", problems);
            for (int f = 0; f < intent.flaws().size(); f++) {
                ReplyFlaw flaw = intent.flaws().get(f);
                String fat = at + ".flaws[" + f + "]";
                if (flaw.text().isBlank()) {
                    problems.add(fat + ".text", "give the flawed text exactly as it stands in the reply");
                } else if (!intent.reply().contains(flaw.text())) {
                    problems.add(fat + ".text", "'" + abbreviate(flaw.text()) + "' does not occur in this intent's reply");
                }
                if (flaw.category() == null) {
                    problems.add(fat + ".category", "choose a category");
                }
                text(flaw.explanation(), true, fat + ".explanation", "explain the flaw for reviewers", problems);
                if (flaw.correction().length() > MAX_LINE) {
                    problems.add(fat + ".correction", tooLong(MAX_LINE, flaw.correction()));
                }
            }
        }
        int flaws = book.flaws().size();
        if (complete && flaws == 0) {
            problems.add(a + "intents", "plant at least one flaw in a reply: the flawed text, its category and why it is wrong");
        }
        if (flaws > MAX_REPLY_FLAWS) {
            problems.add(a + "intents", "at most " + MAX_REPLY_FLAWS + " planted flaws (there are " + flaws + ")");
        }
    }

    private static void examples(List<String> examples, boolean needed, String path, Problems problems) {
        if (needed && examples.isEmpty()) {
            problems.add(path, "give at least one example prompt");
        }
        if (examples.size() > MAX_EXAMPLES) {
            problems.add(path, "at most " + MAX_EXAMPLES + " example prompts (there are " + examples.size() + ")");
        }
        for (int i = 0; i < examples.size(); i++) {
            required(examples.get(i), MAX_PROMPT, path + "[" + i + "]", "an empty example; remove it or write it",
                    problems);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** A one-line name or title: required, within its length, and plain text (see {@link PlainText}). */
    public static void name(String value, int max, String path, String missing, Problems problems) {
        required(value, max, path, missing, problems);
        PlainText.problem(value).ifPresent(p -> problems.add(path, p));
    }

    private static void required(String value, int max, String path, String missing, Problems problems) {
        if (value == null || value.isBlank()) {
            problems.add(path, missing);
        } else if (value.length() > max) {
            problems.add(path, tooLong(max, value));
        }
    }

    private static void text(String value, boolean needed, String path, String missing, Problems problems) {
        if (value == null || value.isBlank()) {
            if (needed) {
                problems.add(path, missing);
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(path, tooLong(MAX_TEXT, value));
        }
    }

    private static void lines(List<String> items, String path, Problems problems) {
        if (items.size() > MAX_LIST_ITEMS) {
            problems.add(path, "at most " + MAX_LIST_ITEMS + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            required(items.get(i), MAX_LINE, path + "[" + i + "]", "an empty item; remove it or write it", problems);
        }
    }

    private static String tooLong(int max, String value) {
        return String.format("is %,d characters long; the limit is %,d", value.length(), max);
    }
}
