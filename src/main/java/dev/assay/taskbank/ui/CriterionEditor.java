package dev.assay.taskbank.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.assay.taskbank.ContentRules;
import dev.assay.taskbank.RubricCriterion;
import java.util.ArrayList;
import java.util.List;

/** Edits one rubric criterion: name, what it measures, weight, and an anchor for each level. */
class CriterionEditor extends Div {

    private static final String[] LEVEL_HINTS = {
            "What a weak answer does (required)",
            "Between 1 and 3 (optional)",
            "What a workable answer does (required)",
            "Between 3 and 5 (optional)",
            "What an excellent answer does (required)"};

    private final String key;
    private final TextField name = new TextField("Criterion");
    private final TextArea measures = new TextArea("What it measures");
    private final IntegerField weight = new IntegerField("Weight");
    private final Span share = new Span();
    private final List<TextArea> levels = new ArrayList<>();
    final Button up = new Button(VaadinIcon.ARROW_UP.create());
    final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
    final Button remove = new Button(VaadinIcon.TRASH.create());

    CriterionEditor(RubricCriterion criterion, Runnable changed) {
        this.key = criterion.key();
        addClassNames("card", "criterion-editor");
        name.setValue(criterion.name());
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ContentRules.MAX_NAME);
        name.setWidthFull();
        measures.setValue(criterion.measures());
        measures.setRequiredIndicatorVisible(true);
        measures.setMaxLength(ContentRules.MAX_LINE);
        measures.setWidthFull();
        weight.setValue(criterion.weight());
        weight.setMin(1);
        weight.setMax(ContentRules.MAX_WEIGHT);
        weight.setStepButtonsVisible(true);
        weight.setWidth("8.5rem");
        weight.setHelperText("Relative to the others");
        share.addClassName("weight-share");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> changed.run());
        weight.setValueChangeMode(ValueChangeMode.EAGER);
        weight.addValueChangeListener(e -> changed.run());

        for (Button b : List.of(up, down, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        up.setAriaLabel("Move " + criterion.name() + " up");
        down.setAriaLabel("Move " + criterion.name() + " down");
        remove.setAriaLabel("Remove " + criterion.name());
        up.setTooltipText("Move up");
        down.setTooltipText("Move down");
        remove.setTooltipText("Remove this criterion");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div tools = new Div(up, down, remove);
        tools.addClassName("criterion-tools");

        Div top = new Div(name, weight, share, tools);
        top.addClassName("criterion-top");
        Div anchors = new Div();
        anchors.addClassName("criterion-levels");
        for (int level = 1; level <= RubricCriterion.LEVELS; level++) {
            TextArea area = new TextArea("Level " + level);
            area.setPlaceholder(LEVEL_HINTS[level - 1]);
            area.setValue(criterion.levels().get(level - 1));
            area.setMaxLength(ContentRules.MAX_LINE);
            area.setRequiredIndicatorVisible(level % 2 == 1);
            area.addClassName(level % 2 == 1 ? "level-required" : "level-between");
            area.setWidthFull();
            levels.add(area);
            anchors.add(area);
        }
        add(top, measures, anchors);
    }

    RubricCriterion value() {
        return new RubricCriterion(key, name.getValue().strip(), measures.getValue().strip(),
                weight.getValue() == null ? 0 : weight.getValue(), levels.stream().map(a -> a.getValue().strip()).toList());
    }

    String criterionName() {
        return name.getValue().isBlank() ? "this criterion" : name.getValue();
    }

    void showShare(double percent) {
        share.setText(String.format("%.1f%% of the score", percent));
    }
}
