package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.base.ui.Choices;
import dev.assay.base.ui.Toasts;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.Segmenter;
import dev.assay.taskbank.SegmentEdits;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * AI-output critique: the prompt, the AI's output in numbered segments (split from the author's text,
 * then merged or split by hand), and the planted flaws, each pointing at segments.
 */
class CritiqueSection implements KindSection {

    private final Runnable changed;
    private final TextArea scenario;
    private final TextArea prompt;
    private final TextArea guidance;
    private final TextArea artifact;
    private final Button splitArtifact;
    private final Div segmentRows = new Div();
    private final Div flawRows = new Div();
    private final Button restart;
    private final Button addFlaw;
    private final List<String> segments = new ArrayList<>();
    private final List<FlawRow> flaws = new ArrayList<>();
    private final Div root;

    private final class FlawRow extends Div {
        final MultiSelectComboBox<Integer> where = Choices.multi("Segments");
        final Select<FlawCategory> category = new Select<>();
        final TextArea explanation = new TextArea("Why it is wrong");
        final Span title = new Span();

        FlawRow(PlantedFlaw flaw) {
            addClassName("flaw-row");
            where.setItems(IntStream.rangeClosed(1, segments.size()).boxed().toList());
            where.setItemLabelGenerator(n -> n + " · " + excerpt(n));
            where.setValue(new TreeSet<>(flaw.segments().stream().filter(n -> n >= 1 && n <= segments.size()).toList()));
            where.setWidthFull();
            category.setLabel("Category");
            category.setItems(FlawCategory.values());
            category.setItemLabelGenerator(c -> c == null ? "" : c.label());
            category.setValue(flaw.category());
            category.setWidthFull();
            explanation.setValue(flaw.explanation() == null ? "" : flaw.explanation());
            explanation.setWidthFull();
            explanation.setMaxLength(ContentRules.MAX_TEXT);
            explanation.setValueChangeMode(ValueChangeMode.LAZY);
            Button remove = new Button("Remove flaw", VaadinIcon.TRASH.create(), e -> {
                flaws.remove(this);
                flawRows.remove(this);
                renumberFlawTitles();
                changed.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            where.addValueChangeListener(e -> changed.run());
            category.addValueChangeListener(e -> changed.run());
            explanation.addValueChangeListener(e -> changed.run());
            title.addClassName("flaw-title");
            Div head = new Div(title, remove);
            head.addClassName("flaw-head");
            Div pick = new Div(where, category);
            pick.addClassName("flaw-pick");
            add(head, pick, explanation);
        }

        void number(int n) {
            title.setText("Planted flaw " + n);
        }

        PlantedFlaw value() {
            return new PlantedFlaw(List.copyOf(where.getValue()), category.getValue(), explanation.getValue().strip());
        }
    }

    CritiqueSection(Runnable changed) {
        this.changed = changed;
        scenario = Fields.area("Scenario", "Who asked the AI for what, and where the output is going.", changed);
        scenario.setId("ac-scenario");
        prompt = Fields.area("Prompt given to the AI", "Verbatim. Candidates compare the output against it.", changed);
        prompt.setId("ac-prompt");
        guidance = Fields.reviewerArea("Reviewer guidance", "Optional: anything else a strong critique notices.", changed);
        guidance.setId("ac-guidance");
        artifact = Fields.area("The AI's output", "Paste or write it, then split it into numbered segments: one "
                + "sentence each, with headings and list items on their own.", () -> { });
        artifact.setId("ac-artifact");
        artifact.setMinHeight("10rem");
        splitArtifact = new Button("Split into segments", VaadinIcon.SPLIT.create(), e -> splitFromText());
        splitArtifact.setId("split-artifact");
        restart = new Button("Edit as one text", VaadinIcon.TEXT_INPUT.create(), e -> confirmRestart());
        restart.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addFlaw = new Button("Add planted flaw", VaadinIcon.PLUS.create(), e -> {
            addFlawRow(new PlantedFlaw(List.of(), null, ""));
            changed.run();
        });
        addFlaw.setId("add-flaw");
        segmentRows.addClassName("segment-rows");
        flawRows.addClassName("flaw-rows");
        Div outputHead = new Div(new Span("The AI's output"), restart);
        outputHead.addClassName("subsection-head");
        Div flawHead = new Div(new Span("Planted flaws"));
        flawHead.addClassName("subsection-head");
        Div flawHint = new Div(new Span("Each flaw names the segments that hold it, its category and why it is "
                + "wrong. Candidates' flags are checked against these; candidates never see them."));
        flawHint.addClassName("section-note");
        root = new Div(new H3("AI-output critique"), scenario, prompt, outputHead, artifact, splitArtifact, segmentRows,
                flawHead, flawHint, flawRows, addFlaw, guidance);
        root.addClassNames("card", "form-card");
        showSegments();
    }

    private void splitFromText() {
        List<String> parts = Segmenter.split(artifact.getValue());
        if (parts.isEmpty()) {
            Toasts.error("Write or paste the AI's output first.");
            return;
        }
        segments.clear();
        segments.addAll(parts);
        flaws.clear();
        flawRows.removeAll();
        showSegments();
        changed.run();
    }

    private void confirmRestart() {
        Runnable restartNow = () -> {
            artifact.setValue(Segmenter.join(segments));
            segments.clear();
            flaws.clear();
            flawRows.removeAll();
            showSegments();
            changed.run();
        };
        if (flaws.isEmpty()) {
            restartNow.run();
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog("Edit the output as one text?",
                "The planted flaws point at segment numbers, so they are cleared when you split the text again.",
                "Edit as one text", e -> restartNow.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void showSegments() {
        boolean split = !segments.isEmpty();
        artifact.setVisible(!split);
        splitArtifact.setVisible(!split);
        restart.setVisible(split);
        addFlaw.setEnabled(split);
        addFlaw.setTooltipText(split ? null : "Split the output into segments first.");
        segmentRows.removeAll();
        for (int i = 0; i < segments.size(); i++) {
            segmentRows.add(segmentRow(i + 1));
        }
    }

    private Component segmentRow(int number) {
        Span badge = new Span(String.valueOf(number));
        badge.addClassName("segment-number");
        TextArea text = new TextArea();
        text.setAriaLabel("Segment " + number);
        text.setValue(segments.get(number - 1));
        text.setWidthFull();
        text.setMaxLength(ContentRules.MAX_LINE);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            segments.set(number - 1, e.getValue());
            changed.run();
        });
        Button merge = new Button(VaadinIcon.COMPRESS_SQUARE.create(), e -> edit(c -> SegmentEdits.mergeWithNext(c, number)));
        merge.setAriaLabel("Merge segment " + number + " with the next");
        merge.setTooltipText("Merge with the next segment");
        merge.setEnabled(number < segments.size());
        Button split = new Button(VaadinIcon.SPLIT.create(), e -> {
            List<String> parts = text.getValue().contains("\n") ? Fields.lines(text.getValue())
                    : Segmenter.split(text.getValue());
            if (parts.size() < 2) {
                Toasts.error("Put a line break where segment " + number + " should split, then press Split again.");
                return;
            }
            edit(c -> SegmentEdits.split(c, number, parts));
        });
        split.setAriaLabel("Split segment " + number);
        split.setTooltipText("Split at line breaks (or into sentences)");
        for (Button b : List.of(merge, split)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        Div tools = new Div(merge, split);
        tools.addClassName("segment-tools");
        Div row = new Div(badge, text, tools);
        row.addClassName("segment-row");
        return row;
    }

    private void edit(java.util.function.UnaryOperator<AiCritique> change) {
        try {
            AiCritique after = change.apply(current());
            segments.clear();
            segments.addAll(after.segments());
            flaws.clear();
            flawRows.removeAll();
            showSegments();
            after.flaws().forEach(this::addFlawRow);
            changed.run();
        } catch (TaskBankException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void addFlawRow(PlantedFlaw flaw) {
        FlawRow row = new FlawRow(flaw);
        flaws.add(row);
        flawRows.add(row);
        renumberFlawTitles();
    }

    private void renumberFlawTitles() {
        for (int i = 0; i < flaws.size(); i++) {
            flaws.get(i).number(i + 1);
        }
    }

    private String excerpt(int number) {
        String s = segments.get(number - 1);
        return s.length() > 48 ? s.substring(0, 47) + "…" : s;
    }

    private AiCritique current() {
        return new AiCritique(scenario.getValue().strip(), prompt.getValue().strip(), List.copyOf(segments),
                flaws.stream().map(FlawRow::value).toList(), guidance.getValue().strip());
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void load(TaskContent content) {
        AiCritique c = content.critique();
        scenario.setValue(Fields.nz(c.scenario()));
        prompt.setValue(Fields.nz(c.prompt()));
        guidance.setValue(Fields.nz(c.guidance()));
        segments.clear();
        segments.addAll(c.segments());
        flaws.clear();
        flawRows.removeAll();
        showSegments();
        c.flaws().forEach(this::addFlawRow);
    }

    @Override
    public TaskContent apply(TaskContent c) {
        return new TaskContent(c.title(), c.roles(), c.criteria(), c.difficulty(), c.timeLimitMinutes(), c.tags(),
                c.instructions(), null, null, current());
    }
}
