package dev.assay.taskbank;

import java.util.List;

/**
 * Everything a task version says: the fields every task has, plus the section for its kind (exactly
 * one of {@code workflow}, {@code automation}, {@code critique}, {@code collaboration} is set). Roles and criteria are
 * referred to by key, so content is portable between installations and its hash is the same everywhere.
 */
public record TaskContent(
        String title,
        List<String> roles,
        List<String> criteria,
        Difficulty difficulty,
        int timeLimitMinutes,
        List<String> tags,
        String instructions,
        WorkflowDesign workflow,
        AutomationPlan automation,
        AiCritique critique,
        AiCollaboration collaboration) {

    public TaskContent {
        title = text(title);
        instructions = text(instructions);
        roles = roles == null ? List.of() : List.copyOf(roles);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Content of one of the first three kinds (no AI-collaboration section). */
    public TaskContent(String title, List<String> roles, List<String> criteria, Difficulty difficulty,
            int timeLimitMinutes, List<String> tags, String instructions, WorkflowDesign workflow,
            AutomationPlan automation, AiCritique critique) {
        this(title, roles, criteria, difficulty, timeLimitMinutes, tags, instructions, workflow, automation, critique,
                null);
    }

    /** Workflow design: the candidate designs the workflow as ordered steps. */
    public record WorkflowDesign(String scenario, String goal, List<String> constraints, List<String> tools,
            String strongAnswer) {
        public WorkflowDesign {
            scenario = text(scenario);
            goal = text(goal);
            strongAnswer = text(strongAnswer);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
            tools = tools == null ? List.of() : List.copyOf(tools);
        }
    }

    /** Automation plan: a week's work log with repetitive work hidden in it. */
    public record AutomationPlan(String scenario, List<WorkLogEntry> workLog, String guidance) {
        public AutomationPlan {
            scenario = text(scenario);
            guidance = text(guidance);
            workLog = workLog == null ? List.of() : List.copyOf(workLog);
        }
    }

    /**
     * One activity in a work log. {@code repetitive} marks the hidden repetitive work for reviewers and
     * is never shown to candidates.
     */
    public record WorkLogEntry(String day, String activity, int minutes, boolean repetitive) {
        public WorkLogEntry {
            day = text(day);
            activity = text(activity);
        }

        public static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    }

    /** AI-output critique: an AI artifact in numbered segments, with flaws planted by the author. */
    public record AiCritique(String scenario, String prompt, List<String> segments, List<PlantedFlaw> flaws,
            String guidance) {
        public AiCritique {
            scenario = text(scenario);
            prompt = text(prompt);
            guidance = text(guidance);
            segments = segments == null ? List.of() : List.copyOf(segments);
            flaws = flaws == null ? List.of() : List.copyOf(flaws);
        }
    }

    /** A flaw the author planted: which segments (numbered from 1) hold it, its category, and why. */
    public record PlantedFlaw(List<Integer> segments, FlawCategory category, String explanation) {
        public PlantedFlaw {
            explanation = text(explanation);
            segments = segments == null ? List.of() : List.copyOf(segments);
        }
    }

    /**
     * AI collaboration: the candidate writes a deliverable from the materials with an assistant beside the
     * work area. The assistant answers from the author's {@link Playbook}, so every candidate of a task
     * version meets the same assistant, planted flaws included; or, when the author asks for it and the
     * installation has one, from a live model.
     */
    public record AiCollaboration(String scenario, String materials, String deliverable, Playbook assistant,
            String guidance, Boolean liveModel) {
        public AiCollaboration {
            scenario = text(scenario);
            materials = text(materials);
            deliverable = text(deliverable);
            guidance = text(guidance);
            assistant = assistant == null ? Playbook.empty() : assistant;
            // Stored only when set, so content without it keeps its canonical form and hash.
            liveModel = Boolean.TRUE.equals(liveModel) ? Boolean.TRUE : null;
        }

        /** A task whose assistant always answers from the playbook. */
        public AiCollaboration(String scenario, String materials, String deliverable, Playbook assistant,
                String guidance) {
            this(scenario, materials, deliverable, assistant, guidance, null);
        }

        /**
         * Whether the installation's live model, when one is configured, answers instead of the playbook (whose
         * planted flaws it is then asked to include). Candidates who meet a live model are not comparable.
         */
        public boolean live() {
            return Boolean.TRUE.equals(liveModel);
        }
    }

    /**
     * The assistant's playbook: intents matched to a candidate's prompt by meaning; below {@code threshold}
     * (cosine similarity, 0–1) the {@code fallback} answers; prompts nearest the off-topic examples get the
     * off-topic reply.
     */
    public record Playbook(double threshold, String fallback, OffTopic offTopic, List<Intent> intents) {
        public static final double DEFAULT_THRESHOLD = 0.40;

        public Playbook {
            fallback = text(fallback);
            offTopic = offTopic == null ? new OffTopic(List.of(), "") : offTopic;
            intents = intents == null ? List.of() : List.copyOf(intents);
        }

        public static Playbook empty() {
            return new Playbook(DEFAULT_THRESHOLD, "", null, List.of());
        }

        /** Every planted flaw of the playbook, numbered from 1 in the order of the intents. */
        public List<NumberedFlaw> flaws() {
            List<NumberedFlaw> out = new java.util.ArrayList<>();
            for (Intent intent : intents) {
                for (ReplyFlaw flaw : intent.flaws()) {
                    out.add(new NumberedFlaw(out.size() + 1, intent.key(), flaw));
                }
            }
            return out;
        }

        public java.util.Optional<Intent> intent(String key) {
            return intents.stream().filter(i -> i.key().equals(key)).findFirst();
        }
    }

    /** Prompts the assistant declines (off-topic or unsafe), and how it declines. */
    public record OffTopic(List<String> examples, String reply) {
        public OffTopic {
            reply = text(reply);
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    /**
     * One thing a candidate may ask: example prompts, the reply, and the flaws planted in it. An intent with
     * {@code after} is a follow-up: it is matched only right after a reply of one of those intents.
     */
    public record Intent(String key, List<String> examples, List<String> after, String reply, List<ReplyFlaw> flaws) {
        public Intent {
            key = text(key);
            reply = text(reply);
            examples = examples == null ? List.of() : List.copyOf(examples);
            after = after == null ? List.of() : List.copyOf(after);
            flaws = flaws == null ? List.of() : List.copyOf(flaws);
        }
    }

    /**
     * A flaw planted in a reply: {@code text} is the exact flawed span inside the reply (the wrong figure or
     * claim), {@code correction} the right one where there is a short one (may be empty).
     */
    public record ReplyFlaw(String text, FlawCategory category, String explanation, String correction) {
        public ReplyFlaw {
            text = TaskContent.text(text);
            explanation = TaskContent.text(explanation);
            correction = TaskContent.text(correction);
        }
    }

    /** A planted flaw with its number in the playbook (from 1) and the intent whose reply carries it. */
    public record NumberedFlaw(int number, String intentKey, ReplyFlaw flaw) {
    }

    /**
     * Missing text is stored as empty text, so the same content always has the same canonical form and
     * hash, whether it came from the editor, from code or from a file.
     */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    public TaskKind kind() {
        if (collaboration != null) {
            return TaskKind.AI_COLLABORATION;
        }
        if (critique != null) {
            return TaskKind.AI_OUTPUT_CRITIQUE;
        }
        if (automation != null) {
            return TaskKind.AUTOMATION_PLAN;
        }
        return TaskKind.WORKFLOW_DESIGN;
    }

    /** An empty draft of the given kind, as a new task starts. */
    public static TaskContent blank(TaskKind kind) {
        return new TaskContent("", List.of(), List.of(), Difficulty.INTERMEDIATE, 30, List.of(), "",
                kind == TaskKind.WORKFLOW_DESIGN ? new WorkflowDesign("", "", List.of(), List.of(), "") : null,
                kind == TaskKind.AUTOMATION_PLAN ? new AutomationPlan("", List.of(), "") : null,
                kind == TaskKind.AI_OUTPUT_CRITIQUE ? new AiCritique("", "", List.of(), List.of(), "") : null,
                kind == TaskKind.AI_COLLABORATION ? new AiCollaboration("", "", "", Playbook.empty(), "") : null);
    }
}
