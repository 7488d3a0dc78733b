package dev.assay.review;

import dev.assay.assistant.TextEmbedder;
import dev.assay.assistant.TextMatch;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AssistantTurn;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.TaskContent.AiCollaboration;
import dev.assay.taskbank.TaskContent.NumberedFlaw;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an AI-collaboration task's transcript and deliverable show, as facts for reviewers (never a score): for
 * each planted flaw whether the assistant served it and whether it reached the deliverable; how the candidate
 * checked the assistant; how they directed it. The rubric score stays with the reviewers.
 *
 * <p>A served flaw <b>reached the deliverable</b> when its flawed text appears there (words and numbers compared
 * as {@link TextMatch} does), when all its {@link TextMatch#flawFigures figures} appear there, or, for a
 * claim without such figures, when a sentence of the deliverable is as close in meaning to the reply's flawed
 * sentence as a rewording is ({@link #SAME_MEANING} or more, by the assistant's embeddings). It was
 * <b>corrected</b> when it did not reach the deliverable and the author's correction appears there.
 */
public record CollaborationEvidence(List<FlawTrace> flaws, int turns, int playbookReplies, int fallbacks,
        int offTopic, List<Integer> checkTurns, List<Integer> contextTurns, List<Integer> followUpTurns,
        int deliverableWords, double copiedShare, int reworkedSentences) {

    /** Cosine similarity from which a deliverable sentence counts as a rewording of a flawed sentence. */
    public static final double SAME_MEANING = 0.85;
    /** Cosine similarity from which a deliverable sentence counts as reworked from a reply sentence. */
    public static final double REWORKED = 0.80;
    /** Copied text is counted in runs of this many words that also stand in a reply. */
    public static final int COPY_RUN = 8;

    public enum Outcome {
        REACHED("reached the deliverable"), CORRECTED("corrected in the deliverable"),
        NOT_REPEATED("served, not in the deliverable"), NOT_SERVED("never served");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One planted flaw: where it was served (turn, or null) and what became of it, with the passage found. */
    public record FlawTrace(int number, FlawCategory category, String flawedText, String correction,
            String explanation, Integer servedInTurn, Outcome outcome, String excerpt, String how) {
    }

    private static final Pattern CHECKING = Pattern.compile("\\b(check|checked|verify|verif\\w*|double[- ]?check"
            + "|sources?|cite|citation|recompute|recalculate|re-?calculate|re-?do the (math|maths|calculation)"
            + "|are you sure|how did you (get|calculate|work out)|where (did|does) (that|this|it)|confirm|correct\\?"
            + "|accurate|show (your|the) (working|work|calculation))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT = Pattern.compile("\\b(audience|tone|words?|bullets?|bullet points"
            + "|short(er)?|concise|brief|format|under \\d+|no more than|at most|plain (language|english)|formal"
            + "|friendly|for (the|my|our|a) \\w+|include|exclude|avoid|must|should not|don't)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERS_BACK = Pattern.compile("\\b(it|this|that|these|those|above|your (draft|reply"
            + "|answer|summary|version)|shorter|longer|again|instead|rewrite|revise|change|fix|update|adjust|same)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> COMMON = Set.of("about", "above", "after", "again", "their", "there", "these",
            "those", "which", "would", "could", "should", "other", "where", "while", "please", "write", "draft",
            "summary", "summarise", "summarize", "short", "shorter", "email", "reply", "thanks", "first", "using",
            "make", "based", "include", "being", "because", "within");

    /** The evidence of one task, or null for another kind of task. */
    public static CollaborationEvidence of(AiCollaboration task, Answer answer, List<AssistantTurn> transcript,
            TextEmbedder embedder) {
        if (task == null || answer == null || answer.collaboration() == null) {
            return null;
        }
        String deliverable = answer.collaboration().deliverable();
        List<String> delivered = TextMatch.tokens(deliverable);
        List<String> deliveredSentences = TextMatch.sentences(deliverable);
        Set<String> sourceNumbers = TextMatch.sourceNumbers(task);
        Set<String> deliveredNumbers = TextMatch.numbers(deliverable);

        List<FlawTrace> traces = new ArrayList<>();
        for (NumberedFlaw numbered : task.assistant().flaws()) {
            var flaw = numbered.flaw();
            Integer served = transcript.stream().filter(t -> t.flaws().contains(numbered.number()))
                    .map(AssistantTurn::turn).findFirst().orElse(null);
            if (served == null) {
                traces.add(new FlawTrace(numbered.number(), flaw.category(), flaw.text(), flaw.correction(),
                        flaw.explanation(), null, Outcome.NOT_SERVED, null, null));
                continue;
            }
            traces.add(trace(numbered, served, task, delivered, deliveredSentences, deliveredNumbers, sourceNumbers,
                    embedder));
        }

        int playbook = 0;
        int fallbacks = 0;
        int offTopic = 0;
        List<Integer> checking = new ArrayList<>();
        List<Integer> context = new ArrayList<>();
        List<Integer> followUps = new ArrayList<>();
        Set<String> materialWords = materialWords(task);
        Set<String> materialNumbers = TextMatch.numbers(task.materials());
        for (AssistantTurn t : transcript) {
            switch (t.source()) {
                case PLAYBOOK -> playbook++;
                case FALLBACK -> fallbacks++;
                case OFF_TOPIC -> offTopic++;
                case LIVE, UNAVAILABLE -> {
                }
            }
            if (CHECKING.matcher(t.prompt()).find()) {
                checking.add(t.turn());
            }
            if (givesContext(t.prompt(), materialWords, materialNumbers)) {
                context.add(t.turn());
            }
            if (t.turn() > 1 && isFollowUp(t, task)) {
                followUps.add(t.turn());
            }
        }

        // Copied text: deliverable words inside runs of COPY_RUN words that also stand in a served reply.
        Set<String> replyRuns = new HashSet<>();
        List<String> replySentences = new ArrayList<>();
        for (AssistantTurn t : transcript) {
            List<String> r = TextMatch.tokens(t.reply());
            for (int i = 0; i + COPY_RUN <= r.size(); i++) {
                replyRuns.add(String.join(" ", r.subList(i, i + COPY_RUN)));
            }
            if (t.source() == AssistantTurn.Source.PLAYBOOK || t.source() == AssistantTurn.Source.LIVE) {
                replySentences.addAll(TextMatch.sentences(t.reply()));
            }
        }
        double share = copiedShare(delivered, replyRuns);
        int reworked = reworked(deliveredSentences, replySentences, replyRuns, embedder);
        return new CollaborationEvidence(traces, transcript.size(), playbook, fallbacks, offTopic, checking, context,
                followUps, delivered.size(), share, reworked);
    }

    private static FlawTrace trace(NumberedFlaw numbered, int served, AiCollaboration task, List<String> delivered,
            List<String> deliveredSentences, Set<String> deliveredNumbers, Set<String> sourceNumbers,
            TextEmbedder embedder) {
        var flaw = numbered.flaw();
        List<String> flawed = TextMatch.tokens(flaw.text());
        if (TextMatch.containsPhrase(delivered, flawed)) {
            return reached(numbered, served, sentenceWith(deliveredSentences, flawed), "the flawed text itself");
        }
        Set<String> figures = TextMatch.flawFigures(flaw, sourceNumbers);
        if (!figures.isEmpty() && deliveredNumbers.containsAll(figures)) {
            return reached(numbered, served, sentenceWithNumber(deliveredSentences, figures),
                    "the flawed figure" + (figures.size() > 1 ? "s " : " ") + String.join(", ", figures));
        }
        if (!flaw.correction().isBlank()) {
            List<String> fixed = TextMatch.tokens(flaw.correction());
            Set<String> fixedNumbers = TextMatch.numbers(flaw.correction());
            boolean corrected = TextMatch.containsPhrase(delivered, fixed)
                    || (!fixedNumbers.isEmpty() && deliveredNumbers.containsAll(fixedNumbers));
            if (corrected) {
                String excerpt = TextMatch.containsPhrase(delivered, fixed) ? sentenceWith(deliveredSentences, fixed)
                        : sentenceWithNumber(deliveredSentences, fixedNumbers);
                return new FlawTrace(numbered.number(), flaw.category(), flaw.text(), flaw.correction(),
                        flaw.explanation(), served, Outcome.CORRECTED, excerpt, "the correction");
            }
        }
        if (TextMatch.numbers(flaw.text()).stream().noneMatch(n -> !sourceNumbers.contains(n))
                && !deliveredSentences.isEmpty()) {
            String reply = task.assistant().intent(numbered.intentKey()).map(i -> i.reply()).orElse("");
            String flawedSentence = TextMatch.sentences(reply).stream()
                    .filter(s -> TextMatch.containsPhrase(TextMatch.tokens(s), flawed)).findFirst().orElse(flaw.text());
            float[] target = embedder.embed(flawedSentence);
            double best = 0;
            String closest = null;
            for (String sentence : deliveredSentences) {
                double similarity = TextEmbedder.cosine(target, embedder.embed(sentence));
                if (similarity > best) {
                    best = similarity;
                    closest = sentence;
                }
            }
            if (best >= SAME_MEANING) {
                return reached(numbered, served, closest, String.format(Locale.ROOT,
                        "a sentence close in meaning to the flawed one (similarity %.2f)", best));
            }
        }
        return new FlawTrace(numbered.number(), flaw.category(), flaw.text(), flaw.correction(), flaw.explanation(),
                served, Outcome.NOT_REPEATED, null, null);
    }

    private static FlawTrace reached(NumberedFlaw numbered, int served, String excerpt, String how) {
        var flaw = numbered.flaw();
        return new FlawTrace(numbered.number(), flaw.category(), flaw.text(), flaw.correction(), flaw.explanation(),
                served, Outcome.REACHED, excerpt, how);
    }

    private static String sentenceWith(List<String> sentences, List<String> phrase) {
        return sentences.stream().filter(s -> TextMatch.containsPhrase(TextMatch.tokens(s), phrase)).findFirst()
                .orElse(null);
    }

    private static String sentenceWithNumber(List<String> sentences, Set<String> numbers) {
        return sentences.stream().filter(s -> TextMatch.numbers(s).stream().anyMatch(numbers::contains)).findFirst()
                .orElse(null);
    }

    private static int reworked(List<String> deliveredSentences, List<String> replySentences, Set<String> replyRuns,
            TextEmbedder embedder) {
        if (replySentences.isEmpty()) {
            return 0;
        }
        List<float[]> replies = replySentences.stream().map(embedder::embed).toList();
        int count = 0;
        for (String sentence : deliveredSentences) {
            List<String> words = TextMatch.tokens(sentence);
            if (words.size() < 6 || copiedShare(words, replyRuns) >= 0.5) {
                continue;
            }
            float[] mine = embedder.embed(sentence);
            if (replies.stream().anyMatch(r -> TextEmbedder.cosine(mine, r) >= REWORKED)) {
                count++;
            }
        }
        return count;
    }

    private static double copiedShare(List<String> words, Set<String> replyRuns) {
        boolean[] copied = new boolean[words.size()];
        for (int i = 0; i + COPY_RUN <= words.size(); i++) {
            if (replyRuns.contains(String.join(" ", words.subList(i, i + COPY_RUN)))) {
                for (int j = i; j < i + COPY_RUN; j++) {
                    copied[j] = true;
                }
            }
        }
        int n = 0;
        for (boolean c : copied) {
            n += c ? 1 : 0;
        }
        return words.isEmpty() ? 0 : (double) n / words.size();
    }

    /** Words of five letters or more from the materials and scenario, less the commonest. */
    private static Set<String> materialWords(AiCollaboration task) {
        Set<String> words = new HashSet<>();
        for (String t : TextMatch.tokens(task.materials() + "\n" + task.scenario())) {
            if (Character.isLetter(t.charAt(0)) && t.length() >= 5 && !COMMON.contains(t)) {
                words.add(t);
            }
        }
        return words;
    }

    /** A prompt that states a constraint, quotes a figure of the materials, or names two of their terms. */
    private static boolean givesContext(String prompt, Set<String> materialWords, Set<String> materialNumbers) {
        if (CONSTRAINT.matcher(prompt).find()) {
            return true;
        }
        List<String> tokens = TextMatch.tokens(prompt);
        if (tokens.stream().anyMatch(t -> !Character.isLetter(t.charAt(0)) && materialNumbers.contains(t))) {
            return true;
        }
        return tokens.stream().filter(materialWords::contains).distinct().count() >= 2;
    }

    /** A turn that works on the reply before it: a follow-up intent, or a prompt that refers back. */
    private static boolean isFollowUp(AssistantTurn turn, AiCollaboration task) {
        if (turn.intentKey() != null && task.assistant().intent(turn.intentKey())
                .map(i -> !i.after().isEmpty()).orElse(false)) {
            return true;
        }
        return REFERS_BACK.matcher(turn.prompt()).find() && TextMatch.tokens(turn.prompt()).size() <= 25;
    }

    /** How many planted flaws reached the deliverable. */
    public long reached() {
        return flaws.stream().filter(f -> f.outcome() == Outcome.REACHED).count();
    }

    public long served() {
        return flaws.stream().filter(f -> f.outcome() != Outcome.NOT_SERVED).count();
    }

    public long corrected() {
        return flaws.stream().filter(f -> f.outcome() == Outcome.CORRECTED).count();
    }
}
