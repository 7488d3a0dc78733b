package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.PlaybookProbe;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.AiCollaboration;
import dev.assay.taskbank.TaskContent.Intent;
import dev.assay.taskbank.TaskContent.OffTopic;
import dev.assay.taskbank.TaskContent.Playbook;
import dev.assay.taskbank.TaskContent.ReplyFlaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AI collaboration: the scenario, materials and deliverable, and the assistant's playbook (intents with example
 * prompts and replies, planted flaws inside replies, the fallback and off-topic replies), with the assistant working
 * under the candidate preview: a conversation with the playbook as it stands, each reply saying which intent
 * answered and how closely the message matched.
 */
class CollaborationSection implements KindSection {

    private final Runnable changed;
    private final PlaybookProbe probe;
    private final TextArea scenario;
    private final TextArea materials;
    private final TextArea deliverable;
    private final TextArea guidance;
    private final NumberField threshold = new NumberField("Match threshold");
    private final com.vaadin.flow.component.checkbox.Checkbox live = new com.vaadin.flow.component.checkbox.Checkbox(
            "Answer from the installation's live model, when one is configured");
    private final TextArea fallback;
    private final TextArea offTopicExamples;
    private final TextArea offTopicReply;
    private final Div intentRows = new Div();
    private final List<IntentRow> intents = new ArrayList<>();
    private final TextField tryPrompt = new TextField("Message the assistant");
    private final Div tryResult = new Div();
    private final Div tryLog = new Div();
    private final Div tester;
    private final Div root;
    /** The conversation so far in the preview: the last prompt and the intent that answered it (for follow-ups). */
    private String lastPrompt;
    private String lastIntent;

    private final class FlawRow extends Div {
        final TextField text = new TextField("Flawed text");
        final Select<FlawCategory> category = new Select<>();
        final TextField correction = new TextField("Correct version (optional)");
        final TextArea explanation = new TextArea("Why it is wrong, and how to check it");

        FlawRow(IntentRow owner, ReplyFlaw flaw) {
            addClassName("flaw-row");
            text.setValue(flaw.text());
            text.setWidthFull();
            text.setHelperText("Exactly as in the reply");
            category.setLabel("Category");
            category.setItems(FlawCategory.values());
            category.setItemLabelGenerator(c -> c == null ? "" : c.label());
            category.setValue(flaw.category());
            correction.setValue(flaw.correction());
            correction.setWidthFull();
            explanation.setValue(flaw.explanation());
            explanation.setWidthFull();
            explanation.setMaxLength(ContentRules.MAX_TEXT);
            explanation.setValueChangeMode(ValueChangeMode.LAZY);
            for (var f : List.of(text, correction)) {
                f.setValueChangeMode(ValueChangeMode.LAZY);
                f.addValueChangeListener(e -> changed.run());
            }
            category.addValueChangeListener(e -> changed.run());
            explanation.addValueChangeListener(e -> changed.run());
            Button remove = new Button("Remove flaw", VaadinIcon.TRASH.create(), e -> {
                owner.flaws.remove(this);
                owner.flawRows.remove(this);
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            Div pick = new Div(text, category);
            pick.addClassName("flaw-pick");
            add(pick, correction, explanation, remove);
        }

        ReplyFlaw value() {
            return new ReplyFlaw(text.getValue(), category.getValue(), explanation.getValue().strip(),
                    correction.getValue().strip());
        }
    }

    private final class IntentRow extends Div {
        final TextField key = new TextField("Key");
        final TextArea examples;
        final TextField after = new TextField("Follows");
        final TextArea reply;
        final Div flawRows = new Div();
        final List<FlawRow> flaws = new ArrayList<>();
        final Span title = new Span();

        IntentRow(Intent intent) {
            addClassNames("flaw-row", "intent-row");
            key.setValue(intent.key());
            key.setHelperText("Lower-case letters, digits and '-'");
            key.setValueChangeMode(ValueChangeMode.LAZY);
            key.addValueChangeListener(e -> changed.run());
            examples = Fields.area("Example prompts, one per line", "How candidates would ask for this, in several "
                    + "wordings.", changed);
            examples.setValue(Fields.lines(intent.examples()));
            after.setValue(String.join(", ", intent.after()));
            after.setHelperText("Optional: intent keys, comma-separated; this intent then answers only right after one");
            after.setWidthFull();
            after.setValueChangeMode(ValueChangeMode.LAZY);
            after.addValueChangeListener(e -> changed.run());
            reply = Fields.area("The assistant's reply", null, changed);
            reply.setMinHeight("8rem");
            reply.setValue(intent.reply());
            flawRows.addClassName("flaw-rows");
            intent.flaws().forEach(f -> addFlaw(f));
            Button addFlaw = new Button("Plant a flaw in this reply", VaadinIcon.PLUS.create(), e -> {
                addFlaw(new ReplyFlaw("", null, "", ""));
                changed.run();
            });
            addFlaw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button("Remove intent", VaadinIcon.TRASH.create(), e -> {
                intents.remove(this);
                intentRows.remove(this);
                renumber();
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            title.addClassName("flaw-title");
            Div head = new Div(title, remove);
            head.addClassName("flaw-head");
            add(head, key, examples, after, reply, flawRows, addFlaw);
        }

        void addFlaw(ReplyFlaw flaw) {
            FlawRow row = new FlawRow(this, flaw);
            flaws.add(row);
            flawRows.add(row);
        }

        Intent value() {
            List<String> afterKeys = Arrays.stream(after.getValue().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new Intent(key.getValue().strip(), Fields.lines(examples.getValue()), afterKeys, reply.getValue(),
                    flaws.stream().map(FlawRow::value).toList());
        }
    }

    CollaborationSection(Runnable changed, PlaybookProbe probe) {
        this.changed = changed;
        this.probe = probe;
        scenario = Fields.area("Scenario", "Who needs the deliverable, for what, by when, and what done means.", changed);
        scenario.setId("co-scenario");
        materials = Fields.area("Materials", "What the candidate works from. A block of lines that each start with "
                + "'|' is shown as a table.", changed);
        materials.setId("co-materials");
        materials.setMinHeight("10rem");
        deliverable = Fields.area("What to hand in", "One or two sentences: exactly what to write in the work area.",
                changed);
        deliverable.setId("co-deliverable");
        guidance = Fields.reviewerArea("Reviewer guidance", "What strong collaboration and a strong deliverable "
                + "look like; what shipping each flaw would mean.", changed);
        guidance.setId("co-guidance");
        threshold.setHelperText(String.format(Locale.ROOT, "From %.1f to %.1f; below it the fallback answers "
                + "(%.2f suits most playbooks)", ContentRules.MIN_THRESHOLD, ContentRules.MAX_THRESHOLD,
                Playbook.DEFAULT_THRESHOLD));
        threshold.setMin(ContentRules.MIN_THRESHOLD);
        threshold.setMax(ContentRules.MAX_THRESHOLD);
        threshold.setStep(0.01);
        threshold.setStepButtonsVisible(true);
        threshold.setValue(Playbook.DEFAULT_THRESHOLD);
        threshold.addValueChangeListener(e -> changed.run());
        live.setId("co-live");
        live.setHelperText("Off: every candidate meets the same assistant (the playbook), so candidates are comparable. "
                + "On: a live model answers and is asked to include the planted flaws; a flaw counts as served only when "
                + "a reply carries it. Without a configured model, the playbook answers.");
        live.addValueChangeListener(e -> changed.run());
        fallback = Fields.area("Fallback reply", "When no intent matches: ask for something more specific.", changed);
        offTopicExamples = Fields.area("Off-topic or unsafe prompts, one per line", "Jokes, personal questions, "
                + "requests for the answer key or for other people's data.", changed);
        offTopicReply = Fields.area("Off-topic reply", null, changed);
        intentRows.addClassName("flaw-rows");
        Button addIntent = new Button("Add intent", VaadinIcon.PLUS.create(), e -> {
            addIntent(new Intent("", List.of(), List.of(), "", List.of()));
            changed.run();
        });
        addIntent.setId("add-intent");
        tryPrompt.setId("try-prompt");
        tryPrompt.setWidthFull();
        tryPrompt.setPlaceholder("e.g. Can you draft this for me?");
        Button tryIt = new Button("Send", VaadinIcon.PAPERPLANE_O.create(), e -> tryPrompt());
        tryIt.setId("try-button");
        tryPrompt.addKeyPressListener(Key.ENTER, e -> tryPrompt());
        Button restartChat = new Button("Start over", e -> {
            tryLog.removeAll();
            tryResult.removeAll();
            lastPrompt = null;
            lastIntent = null;
        });
        restartChat.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        tryLog.addClassNames("chat-log");
        tryLog.setId("try-log");
        tryLog.getElement().setAttribute("role", "log");
        tryLog.getElement().setAttribute("aria-label", "Conversation with the assistant");
        tryLog.getElement().setAttribute("tabindex", "0");
        tryResult.setId("try-result");
        tryResult.addClassName("try-result");
        Div tryRow = new Div(tryPrompt, tryIt);
        tryRow.addClassName("chat-compose");
        tester = new Div(new H4("The assistant, as candidates meet it"), new Paragraph("Talk to the playbook as it "
                + "stands (saved or not): each reply says which intent answered, how closely the message matched, and "
                + "the planted flaws it carries; follow-ups work as they will for candidates."), tryLog, tryRow,
                restartChat, tryResult);
        tester.addClassNames("playbook-test", "assistant-panel");
        tester.setId("playbook-test");
        root = new Div(new H3("AI collaboration"), scenario, materials, deliverable, guidance, new H3("The assistant"),
                threshold, live, intentRows, addIntent, fallback, offTopicExamples, offTopicReply);
        root.addClassNames("card", "form-card");
    }

    private void addIntent(Intent intent) {
        IntentRow row = new IntentRow(intent);
        intents.add(row);
        intentRows.add(row);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < intents.size(); i++) {
            intents.get(i).title.setText("Intent " + (i + 1));
        }
    }

    private Playbook playbook() {
        double t = threshold.getValue() == null ? Playbook.DEFAULT_THRESHOLD : threshold.getValue();
        return new Playbook(t, fallback.getValue(), new OffTopic(Fields.lines(offTopicExamples.getValue()),
                offTopicReply.getValue()), intents.stream().map(IntentRow::value).toList());
    }

    private void tryPrompt() {
        tryResult.removeAll();
        String prompt = tryPrompt.getValue().strip();
        if (prompt.isEmpty()) {
            tryResult.add(new Paragraph("Type a prompt first."));
            return;
        }
        Playbook book = playbook();
        if (book.intents().stream().allMatch(i -> i.examples().isEmpty())) {
            tryResult.add(new Paragraph("Add an intent with example prompts first."));
            return;
        }
        PlaybookProbe.Probe p = probe.probe(book, prompt, lastPrompt, lastIntent);
        String head = switch (p.outcome()) {
            case "intent" -> String.format(Locale.ROOT, "Answered by intent “%s” (similarity %.2f; threshold %.2f)",
                    p.intentKey(), p.similarity(), book.threshold());
            case "off-topic" -> String.format(Locale.ROOT, "Answered with the off-topic reply (similarity %.2f)",
                    p.offTopicSimilarity());
            default -> String.format(Locale.ROOT, "No intent reached the threshold (best %.2f of %.2f): the fallback "
                    + "answers", p.similarity(), book.threshold());
        };
        head += p.flaws().isEmpty() ? "." : "; the reply carries planted flaw" + (p.flaws().size() == 1 ? " " : "s ")
                + p.flaws().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".";
        Div asked = new Div(new Span(prompt));
        asked.addClassNames("chat-turn", "chat-you", "chat-text");
        Span how = new Span(head);
        how.addClassName("chat-author");
        Div reply = new Div(how, new Span(p.reply()));
        reply.addClassNames("chat-turn", "chat-assistant", "chat-text");
        tryLog.add(asked, reply);
        Paragraph result = new Paragraph(head);
        result.addClassName("try-head");
        Paragraph nearest = new Paragraph("Nearest intents: " + p.ranking().stream().limit(3)
                .map(s -> String.format(Locale.ROOT, "%s %.2f%s", s.intentKey(), s.similarity(),
                        s.eligible() ? "" : " (follow-up only)"))
                .collect(Collectors.joining(" · ")));
        nearest.addClassName("answer-help");
        tryResult.add(result, nearest);
        lastPrompt = prompt;
        lastIntent = "intent".equals(p.outcome()) ? p.intentKey() : null;
        tryPrompt.clear();
        tryPrompt.focus();
    }

    @Override
    public Component previewExtra() {
        return tester;
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void load(TaskContent content) {
        AiCollaboration c = content.collaboration();
        if (c == null) {
            return;
        }
        scenario.setValue(c.scenario());
        materials.setValue(c.materials());
        deliverable.setValue(c.deliverable());
        guidance.setValue(c.guidance());
        Playbook book = c.assistant();
        threshold.setValue(book.threshold());
        live.setValue(c.live());
        fallback.setValue(book.fallback());
        offTopicExamples.setValue(Fields.lines(book.offTopic().examples()));
        offTopicReply.setValue(book.offTopic().reply());
        intents.clear();
        intentRows.removeAll();
        book.intents().forEach(this::addIntent);
    }

    @Override
    public TaskContent apply(TaskContent common) {
        return new TaskContent(common.title(), common.roles(), common.criteria(), common.difficulty(),
                common.timeLimitMinutes(), common.tags(), common.instructions(), null, null, null,
                new AiCollaboration(scenario.getValue(), materials.getValue(), deliverable.getValue(), playbook(),
                        guidance.getValue(), live.getValue()));
    }
}
