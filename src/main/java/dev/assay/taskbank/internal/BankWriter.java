package dev.assay.taskbank.internal;

import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import dev.assay.taskbank.TaskContent.WorkLogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/** Writes the task bank in the documented file format (docs/task-bank-format.md). */
public final class BankWriter {

    private BankWriter() {
    }

    public static Map<String, Object> role(JobRole role, List<RubricVersion> versionsOldestFirst) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", role.getKey());
        m.put("name", role.getName());
        m.put("description", role.getDescription());
        List<Object> versions = new ArrayList<>();
        for (RubricVersion v : versionsOldestFirst) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("number", v.getNumber());
            vm.put("hash", v.getContentHash());
            List<Object> criteria = new ArrayList<>();
            for (RubricCriterion c : v.criteria()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("key", c.key());
                cm.put("name", c.name());
                cm.put("measures", c.measures());
                cm.put("weight", c.weight());
                Map<Integer, String> levels = new LinkedHashMap<>();
                for (int level = 1; level <= RubricCriterion.LEVELS; level++) {
                    if (!c.levels().get(level - 1).isBlank()) {
                        levels.put(level, c.levels().get(level - 1));
                    }
                }
                cm.put("levels", levels);
                criteria.add(cm);
            }
            vm.put("criteria", criteria);
            versions.add(vm);
        }
        m.put("rubric-versions", versions);
        return m;
    }

    public static Map<String, Object> task(Task task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", task.getKey());
        m.put("kind", task.getKind().code());
        if (task.isRetired()) {
            m.put("retired", true);
        }
        if (task.getExposureLimit() != null) {
            m.put("exposure-limit", task.getExposureLimit());
        }
        List<Object> versions = new ArrayList<>();
        for (TaskVersion v : task.getVersions()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("number", v.getNumber());
            vm.put("status", v.isPublished() ? "published" : "draft");
            vm.put("hash", v.getContentHash());
            vm.putAll(content(v.content()));
            versions.add(vm);
        }
        m.put("versions", versions);
        return m;
    }

    static Map<String, Object> content(TaskContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("roles", c.roles());
        m.put("criteria", c.criteria());
        m.put("difficulty", c.difficulty() == null ? null : c.difficulty().code());
        m.put("time-limit-minutes", c.timeLimitMinutes());
        m.put("tags", c.tags());
        m.put("instructions", c.instructions());
        if (c.workflow() != null) {
            m.put("scenario", c.workflow().scenario());
            m.put("goal", c.workflow().goal());
            m.put("constraints", c.workflow().constraints());
            m.put("tools", c.workflow().tools());
            m.put("strong-answer", c.workflow().strongAnswer());
        }
        if (c.automation() != null) {
            m.put("scenario", c.automation().scenario());
            List<Object> log = new ArrayList<>();
            for (WorkLogEntry e : c.automation().workLog()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("day", e.day());
                em.put("activity", e.activity());
                em.put("minutes", e.minutes());
                if (e.repetitive()) {
                    em.put("repetitive", true);
                }
                log.add(em);
            }
            m.put("work-log", log);
            m.put("guidance", c.automation().guidance());
        }
        if (c.critique() != null) {
            m.put("scenario", c.critique().scenario());
            m.put("prompt", c.critique().prompt());
            m.put("segments", c.critique().segments());
            List<Object> flaws = new ArrayList<>();
            for (PlantedFlaw f : c.critique().flaws()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("segments", f.segments());
                fm.put("category", f.category() == null ? null : f.category().code());
                fm.put("explanation", f.explanation());
                flaws.add(fm);
            }
            m.put("flaws", flaws);
            if (c.critique().guidance() != null && !c.critique().guidance().isBlank()) {
                m.put("guidance", c.critique().guidance());
            }
        }
        if (c.collaboration() != null) {
            TaskContent.AiCollaboration a = c.collaboration();
            m.put("scenario", a.scenario());
            m.put("materials", a.materials());
            m.put("deliverable", a.deliverable());
            Map<String, Object> book = new LinkedHashMap<>();
            book.put("threshold", a.assistant().threshold());
            book.put("fallback", a.assistant().fallback());
            Map<String, Object> off = new LinkedHashMap<>();
            off.put("examples", a.assistant().offTopic().examples());
            off.put("reply", a.assistant().offTopic().reply());
            book.put("off-topic", off);
            List<Object> intents = new ArrayList<>();
            for (TaskContent.Intent intent : a.assistant().intents()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("key", intent.key());
                im.put("examples", intent.examples());
                if (!intent.after().isEmpty()) {
                    im.put("after", intent.after());
                }
                im.put("reply", intent.reply());
                if (!intent.flaws().isEmpty()) {
                    List<Object> flaws = new ArrayList<>();
                    for (TaskContent.ReplyFlaw f : intent.flaws()) {
                        Map<String, Object> fm = new LinkedHashMap<>();
                        fm.put("text", f.text());
                        fm.put("category", f.category() == null ? null : f.category().code());
                        fm.put("explanation", f.explanation());
                        if (!f.correction().isBlank()) {
                            fm.put("correction", f.correction());
                        }
                        flaws.add(fm);
                    }
                    im.put("flaws", flaws);
                }
                intents.add(im);
            }
            book.put("intents", intents);
            m.put("assistant", book);
            if (!a.guidance().isBlank()) {
                m.put("guidance", a.guidance());
            }
            if (a.live()) {
                m.put("live-model", true);
            }
        }
        return m;
    }

    public static String dump(Map<String, Object> bank) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(110);
        options.setSplitLines(true);
        options.setAllowUnicode(true);
        return new Yaml(new ReadableStrings(options), options).dump(bank);
    }

    /** Multi-line text is written as a literal block, so exported files stay readable. */
    private static final class ReadableStrings extends Representer {
        ReadableStrings(DumperOptions options) {
            super(options);
            Represent plain = this.representers.get(String.class);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                if (s.contains("\n")) {
                    return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
                }
                return plain.representData(data);
            });
        }
    }
}
