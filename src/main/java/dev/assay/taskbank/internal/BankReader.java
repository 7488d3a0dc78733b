package dev.assay.taskbank.internal;

import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.Problems;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.AiCollaboration;
import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.Intent;
import dev.assay.taskbank.TaskContent.OffTopic;
import dev.assay.taskbank.TaskContent.Playbook;
import dev.assay.taskbank.TaskContent.ReplyFlaw;
import dev.assay.taskbank.TaskContent.AutomationPlan;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import dev.assay.taskbank.TaskContent.WorkflowDesign;
import dev.assay.taskbank.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parsed YAML tree of a task bank file into typed records, reporting every wrong type,
 * missing field and unknown field with its location. Content rules are checked afterwards.
 */
public final class BankReader {

    public static final String FORMAT = "assay-task-bank/1";

    public record Bank(List<RoleEntry> roles, List<TaskEntry> tasks) {
    }

    public record RoleEntry(String path, String key, String name, String description,
            List<List<RubricCriterion>> rubricVersions) {
    }

    public record TaskEntry(String path, String key, TaskKind kind, boolean retired, Integer exposureLimit,
            List<VersionEntry> versions) {
    }

    public record VersionEntry(String path, boolean published, TaskContent content) {
    }

    private static final Set<String> TOP = Set.of("format", "roles", "tasks");
    private static final Set<String> ROLE = Set.of("key", "name", "description", "rubric-versions");
    private static final Set<String> RUBRIC = Set.of("number", "hash", "frozen", "criteria");
    private static final Set<String> CRITERION = Set.of("key", "name", "measures", "weight", "levels");
    private static final Set<String> TASK = Set.of("key", "kind", "retired", "exposure-limit", "versions");
    private static final Set<String> COMMON = Set.of("number", "hash", "status", "title", "roles", "criteria",
            "difficulty", "time-limit-minutes", "tags", "instructions");
    private static final Set<String> WORKFLOW = Set.of("scenario", "goal", "constraints", "tools", "strong-answer");
    private static final Set<String> AUTOMATION = Set.of("scenario", "work-log", "guidance");
    private static final Set<String> CRITIQUE = Set.of("scenario", "prompt", "segments", "flaws", "guidance");
    private static final Set<String> COLLABORATION = Set.of("scenario", "materials", "deliverable", "assistant",
            "guidance", "live-model");
    private static final Set<String> ASSISTANT = Set.of("threshold", "fallback", "off-topic", "intents");
    private static final Set<String> OFF_TOPIC = Set.of("examples", "reply");
    private static final Set<String> INTENT = Set.of("key", "examples", "after", "reply", "flaws");
    private static final Set<String> REPLY_FLAW = Set.of("text", "category", "explanation", "correction");
    private static final Set<String> LOG_ENTRY = Set.of("day", "activity", "minutes", "repetitive");
    private static final Set<String> FLAW = Set.of("segments", "category", "explanation");

    private final Problems problems;

    public BankReader(Problems problems) {
        this.problems = problems;
    }

    public Bank read(Object root) {
        Map<String, Object> top = map(root, "");
        if (top == null) {
            return new Bank(List.of(), List.of());
        }
        known(top, TOP, "");
        Object format = top.get("format");
        if (!FORMAT.equals(format)) {
            problems.add("format", format == null ? "missing: a task bank file starts with 'format: " + FORMAT + "'"
                    : "'" + format + "' is not a format this version reads (expected " + FORMAT + ")");
        }
        List<RoleEntry> roles = new ArrayList<>();
        List<Object> roleList = list(top.get("roles"), "roles", false);
        for (int i = 0; i < roleList.size(); i++) {
            RoleEntry role = role(roleList.get(i), "roles[" + i + "]");
            if (role != null) {
                roles.add(role);
            }
        }
        List<TaskEntry> tasks = new ArrayList<>();
        List<Object> taskList = list(top.get("tasks"), "tasks", false);
        for (int i = 0; i < taskList.size(); i++) {
            TaskEntry task = task(taskList.get(i), "tasks[" + i + "]");
            if (task != null) {
                tasks.add(task);
            }
        }
        return new Bank(roles, tasks);
    }

    private RoleEntry role(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        known(m, ROLE, path);
        List<List<RubricCriterion>> versions = new ArrayList<>();
        List<Object> list = list(m.get("rubric-versions"), path + ".rubric-versions", true);
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".rubric-versions[" + i + "]";
            Map<String, Object> v = map(list.get(i), at);
            if (v == null) {
                continue;
            }
            known(v, RUBRIC, at);
            List<RubricCriterion> criteria = new ArrayList<>();
            List<Object> cs = list(v.get("criteria"), at + ".criteria", true);
            for (int c = 0; c < cs.size(); c++) {
                String cat = at + ".criteria[" + c + "]";
                Map<String, Object> cm = map(cs.get(c), cat);
                if (cm == null) {
                    continue;
                }
                known(cm, CRITERION, cat);
                List<String> levels = new ArrayList<>(List.of("", "", "", "", ""));
                Map<String, Object> lm = map(cm.get("levels"), cat + ".levels");
                if (lm != null) {
                    for (Map.Entry<String, Object> e : lm.entrySet()) {
                        int level = switch (e.getKey()) {
                            case "1" -> 1;
                            case "2" -> 2;
                            case "3" -> 3;
                            case "4" -> 4;
                            case "5" -> 5;
                            default -> 0;
                        };
                        if (level == 0) {
                            problems.add(cat + ".levels", "'" + e.getKey() + "' is not a level (levels are 1 to 5)");
                        } else {
                            levels.set(level - 1, string(e.getValue(), cat + ".levels." + level));
                        }
                    }
                }
                criteria.add(new RubricCriterion(str(cm, "key", cat), str(cm, "name", cat), str(cm, "measures", cat),
                        integer(cm, "weight", cat, 0), levels));
            }
            versions.add(criteria);
        }
        return new RoleEntry(path, str(m, "key", path), str(m, "name", path), str(m, "description", path), versions);
    }

    private TaskEntry task(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        known(m, TASK, path);
        String kindCode = str(m, "kind", path);
        TaskKind kind = TaskKind.fromCode(kindCode).orElse(null);
        if (kind == null && !kindCode.isEmpty()) {
            problems.add(path + ".kind", "'" + kindCode + "' is not a task kind (workflow-design, automation-plan, ai-output-critique, ai-collaboration)");
        }
        boolean retired = bool(m, "retired", path);
        Integer limit = m.get("exposure-limit") == null ? null : integer(m, "exposure-limit", path, 0);
        List<VersionEntry> versions = new ArrayList<>();
        List<Object> list = list(m.get("versions"), path + ".versions", true);
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".versions[" + i + "]";
            Map<String, Object> v = map(list.get(i), at);
            if (v == null || kind == null) {
                continue;
            }
            versions.add(version(v, kind, at));
        }
        return new TaskEntry(path, str(m, "key", path), kind, retired, limit, versions);
    }

    private VersionEntry version(Map<String, Object> v, TaskKind kind, String at) {
        Set<String> allowed = new java.util.HashSet<>(COMMON);
        allowed.addAll(switch (kind) {
            case WORKFLOW_DESIGN -> WORKFLOW;
            case AUTOMATION_PLAN -> AUTOMATION;
            case AI_OUTPUT_CRITIQUE -> CRITIQUE;
            case AI_COLLABORATION -> COLLABORATION;
        });
        known(v, allowed, at);
        String status = str(v, "status", at);
        if (!status.equals("published") && !status.equals("draft")) {
            problems.add(at + ".status", status.isEmpty() ? "missing: published or draft"
                    : "'" + status + "' is not a status (published or draft)");
        }
        String difficultyCode = str(v, "difficulty", at);
        Difficulty difficulty = Difficulty.fromCode(difficultyCode).orElse(null);
        if (difficulty == null && !difficultyCode.isEmpty()) {
            problems.add(at + ".difficulty", "'" + difficultyCode + "' is not a difficulty (introductory, intermediate, advanced)");
        }
        WorkflowDesign workflow = null;
        AutomationPlan automation = null;
        AiCritique critique = null;
        AiCollaboration collaboration = null;
        switch (kind) {
            case WORKFLOW_DESIGN -> workflow = new WorkflowDesign(str(v, "scenario", at), str(v, "goal", at),
                    strings(v.get("constraints"), at + ".constraints"), strings(v.get("tools"), at + ".tools"),
                    str(v, "strong-answer", at));
            case AUTOMATION_PLAN -> {
                List<WorkLogEntry> log = new ArrayList<>();
                List<Object> entries = list(v.get("work-log"), at + ".work-log", true);
                for (int i = 0; i < entries.size(); i++) {
                    String eat = at + ".work-log[" + i + "]";
                    Map<String, Object> e = map(entries.get(i), eat);
                    if (e != null) {
                        known(e, LOG_ENTRY, eat);
                        log.add(new WorkLogEntry(str(e, "day", eat), str(e, "activity", eat), integer(e, "minutes", eat, 0),
                                bool(e, "repetitive", eat)));
                    }
                }
                automation = new AutomationPlan(str(v, "scenario", at), log, str(v, "guidance", at));
            }
            case AI_OUTPUT_CRITIQUE -> {
                List<PlantedFlaw> flaws = new ArrayList<>();
                List<Object> fl = list(v.get("flaws"), at + ".flaws", true);
                for (int i = 0; i < fl.size(); i++) {
                    String fat = at + ".flaws[" + i + "]";
                    Map<String, Object> f = map(fl.get(i), fat);
                    if (f == null) {
                        continue;
                    }
                    known(f, FLAW, fat);
                    List<Integer> segments = new ArrayList<>();
                    List<Object> sl = list(f.get("segments"), fat + ".segments", true);
                    for (int s = 0; s < sl.size(); s++) {
                        if (sl.get(s) instanceof Integer n) {
                            segments.add(n);
                        } else {
                            problems.add(fat + ".segments[" + s + "]", "must be a segment number, not " + describe(sl.get(s)));
                        }
                    }
                    String categoryCode = str(f, "category", fat);
                    FlawCategory category = FlawCategory.fromCode(categoryCode).orElse(null);
                    if (category == null && !categoryCode.isEmpty()) {
                        problems.add(fat + ".category", "'" + categoryCode + "' is not a flaw category");
                    }
                    flaws.add(new PlantedFlaw(segments, category, str(f, "explanation", fat)));
                }
                critique = new AiCritique(str(v, "scenario", at), str(v, "prompt", at),
                        strings(v.get("segments"), at + ".segments"), flaws, str(v, "guidance", at));
            }
            case AI_COLLABORATION -> collaboration = new AiCollaboration(str(v, "scenario", at),
                    str(v, "materials", at), str(v, "deliverable", at), playbook(v.get("assistant"), at + ".assistant"),
                    str(v, "guidance", at), bool(v, "live-model", at));
        }
        TaskContent content = new TaskContent(str(v, "title", at), strings(v.get("roles"), at + ".roles"),
                strings(v.get("criteria"), at + ".criteria"), difficulty, integer(v, "time-limit-minutes", at, 0),
                strings(v.get("tags"), at + ".tags"), str(v, "instructions", at), workflow, automation, critique,
                collaboration);
        return new VersionEntry(at, "published".equals(status), content);
    }

    private Playbook playbook(Object node, String at) {
        Map<String, Object> a = map(node, at);
        if (a == null) {
            return Playbook.empty();
        }
        known(a, ASSISTANT, at);
        double threshold = Playbook.DEFAULT_THRESHOLD;
        Object t = a.get("threshold");
        if (t instanceof Number n) {
            threshold = n.doubleValue();
        } else if (t != null) {
            problems.add(at + ".threshold", "must be a number from 0.3 to 0.9, not " + describe(t));
        }
        OffTopic offTopic = new OffTopic(List.of(), "");
        if (a.get("off-topic") != null) {
            Map<String, Object> o = map(a.get("off-topic"), at + ".off-topic");
            if (o != null) {
                known(o, OFF_TOPIC, at + ".off-topic");
                offTopic = new OffTopic(strings(o.get("examples"), at + ".off-topic.examples"),
                        str(o, "reply", at + ".off-topic"));
            }
        }
        List<Intent> intents = new ArrayList<>();
        List<Object> il = list(a.get("intents"), at + ".intents", true);
        for (int i = 0; i < il.size(); i++) {
            String iat = at + ".intents[" + i + "]";
            Map<String, Object> im = map(il.get(i), iat);
            if (im == null) {
                continue;
            }
            known(im, INTENT, iat);
            List<ReplyFlaw> flaws = new ArrayList<>();
            List<Object> fl = list(im.get("flaws"), iat + ".flaws", false);
            for (int f = 0; f < fl.size(); f++) {
                String fat = iat + ".flaws[" + f + "]";
                Map<String, Object> fm = map(fl.get(f), fat);
                if (fm == null) {
                    continue;
                }
                known(fm, REPLY_FLAW, fat);
                String categoryCode = str(fm, "category", fat);
                FlawCategory category = FlawCategory.fromCode(categoryCode).orElse(null);
                if (category == null && !categoryCode.isEmpty()) {
                    problems.add(fat + ".category", "'" + categoryCode + "' is not a flaw category");
                }
                flaws.add(new ReplyFlaw(str(fm, "text", fat), category, str(fm, "explanation", fat),
                        str(fm, "correction", fat)));
            }
            intents.add(new Intent(str(im, "key", iat), strings(im.get("examples"), iat + ".examples"),
                    strings(im.get("after"), iat + ".after"), str(im, "reply", iat), flaws));
        }
        return new Playbook(threshold, str(a, "fallback", at), offTopic, intents);
    }

    // ---- typed access with locations ---------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String) && !(key instanceof Integer)) {
                    problems.add(path, "field names must be text, not " + describe(key));
                    return null;
                }
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        problems.add(path, node == null ? "missing" : "must be a mapping of fields, not " + describe(node));
        return null;
    }

    private List<Object> list(Object node, String path, boolean required) {
        if (node instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (node == null) {
            if (required) {
                problems.add(path, "missing");
            }
            return List.of();
        }
        problems.add(path, "must be a list, not " + describe(node));
        return List.of();
    }

    private List<String> strings(Object node, String path) {
        List<Object> items = list(node, path, false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(string(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private String str(Map<String, Object> m, String field, String path) {
        Object value = m.get(field);
        return value == null ? "" : string(value, join(path, field));
    }

    private String string(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return String.valueOf(value);
        }
        problems.add(path, "must be text, not " + describe(value));
        return "";
    }

    private int integer(Map<String, Object> m, String field, String path, int fallback) {
        Object value = m.get(field);
        if (value == null) {
            problems.add(join(path, field), "missing");
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        problems.add(join(path, field), "must be a whole number, not " + describe(value));
        return fallback;
    }

    private boolean bool(Map<String, Object> m, String field, String path) {
        Object value = m.get(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(join(path, field), "must be true or false, not " + describe(value));
        return false;
    }

    private void known(Map<String, Object> m, Set<String> allowed, String path) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(join(path, key), "unknown field");
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        return value == null ? "nothing" : "'" + value + "'";
    }
}
