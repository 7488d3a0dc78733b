package dev.assay.taskbank.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.taskbank.ContentRules;
import java.util.Arrays;
import java.util.List;

/** Small factories for the task editor's fields, so every text area behaves the same. */
final class Fields {

    private Fields() {
    }

    static TextArea area(String label, String helper, Runnable changed) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setMaxLength(ContentRules.MAX_TEXT);
        area.setMinHeight("5.5rem");
        if (helper != null) {
            area.setHelperText(helper);
        }
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(400);
        area.addValueChangeListener(e -> changed.run());
        return area;
    }

    /** A text area whose content is for reviewers only; candidates never see it. */
    static TextArea reviewerArea(String label, String helper, Runnable changed) {
        TextArea area = area(label, helper, changed);
        area.addClassName("reviewer-only");
        area.setLabel(label + " (reviewers only)");
        return area;
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String lines(List<String> items) {
        return String.join("\n", items);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
