package dev.assay.attempt.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.attempt.Answer;

/**
 * Text inputs for answers. They save a second after typing pauses, and when focus leaves. They show a
 * character count, and text over the limit is flagged, not cut: the browser's maxlength would truncate a
 * paste without saying so.
 */
final class AnswerFields {

    private AnswerFields() {
    }

    static TextArea area(String label, String value, Runnable changed) {
        TextArea area = new TextArea(label);
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

    static TextField field(String label, String value, Runnable changed) {
        TextField field = new TextField(label);
        field.setWidthFull();
        field.setValue(value == null ? "" : value);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(1000);
        field.addValueChangeListener(e -> {
            boolean tooLong = e.getValue().length() > Answer.MAX_TEXT;
            field.setInvalid(tooLong);
            field.setErrorMessage(tooLong ? "Too long to save; please shorten it." : null);
            changed.run();
        });
        return field;
    }

    private static void count(TextArea area, String value) {
        int length = value.length();
        boolean tooLong = length > Answer.MAX_TEXT;
        area.setHelperText(String.format("%,d / %,d characters", length, Answer.MAX_TEXT));
        area.setInvalid(tooLong);
        area.setErrorMessage(tooLong ? String.format("%,d characters: %,d over the limit. Shorten it; it is not "
                + "saved until it fits.", length, length - Answer.MAX_TEXT) : null);
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
