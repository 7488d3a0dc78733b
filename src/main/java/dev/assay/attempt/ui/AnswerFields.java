package dev.assay.attempt.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.attempt.Answer;

/**
 * Text inputs for answers. They save a second after typing pauses, and when focus leaves. They show a
 * character count, and text over the limit is flagged, not cut: the browser's maxlength would truncate a
 * paste without saying so. Each carries its {@link dev.assay.attempt.AnswerTexts} path as
 * {@code data-draft-key}, under which the page keeps text the server has not yet confirmed.
 */
final class AnswerFields {

    private AnswerFields() {
    }

    static TextArea area(String label, String value, String path, Runnable changed) {
        TextArea area = new TextArea(label);
        path(area, path);
        area.setWidthFull();
        area.setValue(value == null ? "" : value);
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setValueChangeTimeout(1000);
        count(area, area.getValue());
        area.addValueChangeListener(e -> {
            count(area, e.getValue());
            changed.run();
        });
        return area;
    }

    static TextField field(String label, String value, String path, Runnable changed) {
        return field(label, value, path, Answer.MAX_TEXT, changed);
    }

    static TextField field(String label, String value, String path, int max, Runnable changed) {
        TextField field = new TextField(label);
        path(field, path);
        field.setWidthFull();
        field.setValue(value == null ? "" : value);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(1000);
        field.addValueChangeListener(e -> {
            boolean tooLong = e.getValue().length() > max;
            // Only on a change of state: each call sends the page a script, and this runs on every save.
            if (tooLong != field.isInvalid()) {
                field.setInvalid(tooLong);
                field.setErrorMessage(tooLong ? "Too long to save; please shorten it." : null);
            }
            changed.run();
        });
        return field;
    }

    /** Sets or changes the field's answer path, e.g. when a workflow step moves. */
    static void path(com.vaadin.flow.component.Component field, String path) {
        field.getElement().setAttribute("data-draft-key", path);
    }

    private static void count(TextArea area, String value) {
        int length = value.length();
        boolean tooLong = length > Answer.MAX_TEXT;
        area.setHelperText(String.format("%,d / %,d characters", length, Answer.MAX_TEXT));
        // Only on a change of state (or a new length while too long): each call sends the page a script, and
        // this runs on every save.
        if (tooLong || area.isInvalid()) {
            area.setInvalid(tooLong);
            area.setErrorMessage(tooLong ? String.format("%,d characters: %,d over the limit. Shorten it; it is not "
                    + "saved until it fits.", length, length - Answer.MAX_TEXT) : null);
        }
    }

    static boolean tooLong(String... values) {
        for (String v : values) {
            if (v != null && v.length() > Answer.MAX_TEXT) {
                return true;
            }
        }
        return false;
    }
}
