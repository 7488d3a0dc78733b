package dev.assay.attempt.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AnswerTexts;
import dev.assay.taskbank.FlawCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * AI-output critique: flag segments (each with a category and an explanation), write a corrected version,
 * and give a verdict. Flags are kept by segment number, so they can be checked against the planted flaws.
 */
class CritiqueEditor implements AnswerEditor {

    private final List<String> segments;
    private final Runnable changed;
    private final List<SegmentRow> rows = new ArrayList<>();
    private final TextArea corrected;
    private final RadioButtonGroup<Answer.Verdict> verdict = new RadioButtonGroup<>();
    private final TextArea reason;
    private final Button copyOriginal;
    private final Div root;

    private final class SegmentRow extends Div {
        final int number;
        final Button toggle = new Button();
        final Select<FlawCategory> category = new Select<>();
        final TextArea explanation;
        final Div form = new Div();
        final Div line;
        UndoNote undoNote;

        SegmentRow(int number, String text, Answer.Flag flag) {
            this.number = number;
            addClassName("flag-row");
            Span badge = new Span(String.valueOf(number));
            badge.addClassName("segment-number");
            Span body = new Span(text);
            body.addClassName("flag-text");
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            toggle.addClickListener(e -> {
                boolean removing = form.isVisible();
                dropUndo();
                setFlagged(!removing);
                if (!removing) {
                    category.focus();
                } else if (category.getValue() != null || !SegmentRow.this.explanation.getValue().isBlank()) {
                    // The category and explanation stay in the (hidden) form, so undo brings them back as they were.
                    undoNote = new UndoNote("Flag on segment " + number + " removed.", () -> {
                        dropUndo();
                        setFlagged(true);
                        changed.run();
                        SegmentRow.this.explanation.focus();
                    });
                    add(undoNote);
                    undoNote.undo.focus();
                }
                changed.run();
            });
            category.setLabel("What kind of problem");
            category.setItems(FlawCategory.values());
            category.setItemLabelGenerator(c -> c == null ? "" : c.label());
            category.setPlaceholder("Choose a category");
            category.addValueChangeListener(e -> changed.run());
            explanation = AnswerFields.area("What is wrong, and how you know", flag == null ? "" : flag.explanation(),
                    AnswerTexts.flag(number), changed);
            form.add(category, explanation);
            form.addClassName("flag-form");
            line = new Div(badge, body, toggle);
            line.addClassName("flag-line");
            add(line, form);
            if (flag != null) {
                category.setValue(flag.category());
            }
            setFlagged(flag != null);
        }

        void setFlagged(boolean flagged) {
            form.setVisible(flagged);
            toggle.setText(flagged ? "Remove flag" : "Flag");
            toggle.setAriaLabel((flagged ? "Remove flag on segment " : "Flag segment ") + number);
            if (flagged) {
                addClassName("flagged");
            } else {
                removeClassName("flagged");
            }
        }

        void dropUndo() {
            if (undoNote != null) {
                remove(undoNote);
                undoNote = null;
            }
        }

        Answer.Flag value() {
            return form.isVisible() ? new Answer.Flag(number, category.getValue(), explanation.getValue()) : null;
        }
    }

    CritiqueEditor(List<String> segments, Answer.Critique answer, EditorEvents events) {
        this.segments = segments;
        this.changed = events::changed;
        H3 flagHeading = new H3("1. Flag the problems");
        flagHeading.addClassName("answer-heading");
        Paragraph help = new Paragraph("Flag each segment of the AI's output that has a problem, choose what kind, "
                + "and explain. Leave correct segments unflagged.");
        help.addClassName("answer-help");
        Div list = new Div();
        list.addClassName("flag-list");
        list.getElement().setAttribute("role", "list");
        for (int i = 0; i < segments.size(); i++) {
            int number = i + 1;
            Answer.Flag flag = answer.flags().stream().filter(f -> f.segment() == number).findFirst().orElse(null);
            SegmentRow row = new SegmentRow(number, segments.get(i), flag);
            row.getElement().setAttribute("role", "listitem");
            rows.add(row);
            list.add(row);
        }
        H3 fixHeading = new H3("2. Write the corrected version");
        fixHeading.addClassName("answer-heading");
        corrected = AnswerFields.area("Corrected version", answer.corrected(), "corrected", changed);
        corrected.setId("critique-corrected");
        corrected.setMinHeight("10rem");
        copyOriginal = new Button("Start from the AI's text", VaadinIcon.COPY_O.create(), e -> {
            if (corrected.getValue().isBlank()) {
                copyOriginal();
                return;
            }
            ConfirmDialog replace = new ConfirmDialog("Replace your corrected version?", "This puts the AI's "
                    + "original text in the box instead of what you have written there.", "Replace", ok -> copyOriginal());
            replace.setCancelable(true);
            replace.setCancelText("Keep mine");
            replace.setConfirmButtonTheme("error primary");
            replace.open();
        });
        copyOriginal.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H3 verdictHeading = new H3("3. Your verdict");
        verdictHeading.addClassName("answer-heading");
        verdict.setLabel("Could the original be sent as it is?");
        verdict.setItems(Answer.Verdict.values());
        verdict.setItemLabelGenerator(Answer.Verdict::label);
        verdict.setValue(answer.verdict());
        verdict.addValueChangeListener(e -> changed.run());
        verdict.setId("critique-verdict");
        reason = AnswerFields.area("Why", answer.verdictReason(), "verdictReason", changed);
        reason.setId("critique-reason");
        root = new Div(flagHeading, help, list, fixHeading, copyOriginal, corrected, verdictHeading, verdict, reason);
        root.addClassName("answer-editor");
    }

    private void copyOriginal() {
        corrected.setValue(String.join("\n", segments));
        corrected.focus();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Answer value() {
        List<Answer.Flag> flags = rows.stream().map(SegmentRow::value).filter(f -> f != null).toList();
        return new Answer(null, null, new Answer.Critique(flags, corrected.getValue(), verdict.getValue(), reason.getValue()));
    }

    @Override
    public boolean oversize() {
        return AnswerFields.tooLong(corrected.getValue(), reason.getValue())
                || rows.stream().anyMatch(r -> AnswerFields.tooLong(r.explanation.getValue()));
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        for (SegmentRow r : rows) {
            r.dropUndo();
            r.toggle.setVisible(!readOnly);
            r.category.setReadOnly(readOnly);
            r.explanation.setReadOnly(readOnly);
        }
        copyOriginal.setVisible(!readOnly);
        corrected.setReadOnly(readOnly);
        verdict.setReadOnly(readOnly);
        reason.setReadOnly(readOnly);
    }
}
