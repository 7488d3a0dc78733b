package dev.assay.attempt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The free-text fields of an answer by path, such as {@code steps.2.rationale}, {@code savings.4} (a work-log
 * position) or {@code flags.7.explanation} (a segment number). The candidate's page keeps text the server has
 * not yet confirmed under these paths, and sends it again after a reload or when the page is closed, so a
 * path must name the same field on the server as in the page.
 */
public final class AnswerTexts {

    private AnswerTexts() {
    }

    /** Every text field of the answer, by path. */
    public static Map<String, String> of(Answer answer) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (answer.workflow() != null) {
            List<Answer.Step> steps = answer.workflow().steps();
            for (int i = 0; i < steps.size(); i++) {
                Answer.Step s = steps.get(i);
                texts.put(step(i, "description"), nz(s.description()));
                texts.put(step(i, "inputs"), nz(s.inputs()));
                texts.put(step(i, "outputs"), nz(s.outputs()));
                texts.put(step(i, "checkpoint"), nz(s.checkpoint()));
                texts.put(step(i, "rationale"), nz(s.rationale()));
            }
            texts.put("risks", nz(answer.workflow().risks()));
        }
        if (answer.automation() != null) {
            Answer.Automation a = answer.automation();
            a.ranked().forEach(entry -> texts.put(saving(entry), a.saving(entry)));
            texts.put("specification", nz(a.specification()));
            texts.put("failureHandling", nz(a.failureHandling()));
            texts.put("privacy", nz(a.privacy()));
            texts.put("handoff", nz(a.handoff()));
            texts.put("keepManual", nz(a.keepManual()));
        }
        if (answer.critique() != null) {
            Answer.Critique c = answer.critique();
            c.flags().forEach(f -> texts.put(flag(f.segment()), nz(f.explanation())));
            texts.put("corrected", nz(c.corrected()));
            texts.put("verdictReason", nz(c.verdictReason()));
        }
        if (answer.collaboration() != null) {
            texts.put("deliverable", answer.collaboration().deliverable());
            texts.put("checks", answer.collaboration().checks());
        }
        return texts;
    }

    /**
     * The answer with the given texts written into it. A path the answer has no field for (a step that was
     * removed, a flag taken back) is left out rather than guessed at.
     */
    public static Answer apply(Answer answer, Map<String, String> texts) {
        if (answer.workflow() != null) {
            List<Answer.Step> steps = new ArrayList<>(answer.workflow().steps());
            for (int i = 0; i < steps.size(); i++) {
                Answer.Step s = steps.get(i);
                steps.set(i, new Answer.Step(pick(texts, step(i, "description"), s.description()), s.actor(),
                        pick(texts, step(i, "inputs"), s.inputs()), pick(texts, step(i, "outputs"), s.outputs()),
                        pick(texts, step(i, "checkpoint"), s.checkpoint()),
                        pick(texts, step(i, "rationale"), s.rationale())));
            }
            return new Answer(new Answer.Workflow(steps, pick(texts, "risks", answer.workflow().risks())), null, null);
        }
        if (answer.automation() != null) {
            Answer.Automation a = answer.automation();
            Map<Integer, String> savings = new TreeMap<>(a.savings());
            a.ranked().forEach(entry -> savings.put(entry, pick(texts, saving(entry), a.saving(entry))));
            return new Answer(null, new Answer.Automation(a.ranked(), savings, pick(texts, "specification",
                    a.specification()), pick(texts, "failureHandling", a.failureHandling()),
                    pick(texts, "privacy", a.privacy()), pick(texts, "handoff", a.handoff()),
                    pick(texts, "keepManual", a.keepManual())), null);
        }
        if (answer.critique() != null) {
            Answer.Critique c = answer.critique();
            List<Answer.Flag> flags = c.flags().stream().map(f -> new Answer.Flag(f.segment(), f.category(),
                    pick(texts, flag(f.segment()), f.explanation()))).toList();
            return new Answer(null, null, new Answer.Critique(flags, pick(texts, "corrected", c.corrected()),
                    c.verdict(), pick(texts, "verdictReason", c.verdictReason())));
        }
        if (answer.collaboration() != null) {
            Answer.Collaboration c = answer.collaboration();
            return new Answer(null, null, null, new Answer.Collaboration(pick(texts, "deliverable", c.deliverable()),
                    pick(texts, "checks", c.checks())));
        }
        return answer;
    }

    public static String step(int index, String field) {
        return "steps." + index + "." + field;
    }

    public static String saving(int logEntry) {
        return "savings." + logEntry;
    }

    public static String flag(int segment) {
        return "flags." + segment + ".explanation";
    }

    private static String pick(Map<String, String> texts, String path, String current) {
        String value = texts.get(path);
        return value != null ? value : current;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
