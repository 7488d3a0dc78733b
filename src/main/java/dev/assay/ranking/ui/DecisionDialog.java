package dev.assay.ranking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import dev.assay.base.ui.Toasts;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionException;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import java.util.List;
import java.util.Map;

/**
 * Records a person's decision for one candidate or a selection: advance, hold or decline, with a reason that is
 * optional for a first decision and required to change one already recorded. Says that nothing is sent to anyone.
 */
final class DecisionDialog extends Dialog {

    DecisionDialog(DecisionService decisions, long assessmentId, List<Long> submissionIds, String who,
            Map<Long, Decision> current, Runnable recorded) {
        setHeaderTitle("Decision · " + who);
        setId("decision-dialog");
        setWidth("min(34rem, 95vw)");
        RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>("Decision");
        outcome.setId("decision-outcome");
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(Outcome::label);
        outcome.setRequiredIndicatorVisible(true);
        outcome.setErrorMessage("Choose advance, hold or decline.");
        TextArea reason = new TextArea("Reason");
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setMaxLength(DecisionService.MAX_REASON);
        reason.setHelperText("Optional for a first decision. Kept with the decision and in the audit log.");
        outcome.addValueChangeListener(e -> {
            outcome.setInvalid(false);
            boolean changes = e.getValue() != null && submissionIds.stream()
                    .anyMatch(id -> current.containsKey(id) && current.get(id).outcome() != e.getValue());
            reason.setRequiredIndicatorVisible(changes);
            reason.setHelperText(changes ? "Required: this changes a decision already recorded."
                    : "Optional for a first decision. Kept with the decision and in the audit log.");
        });
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        long decided = submissionIds.stream().filter(current::containsKey).count();
        Paragraph note = new Paragraph((decided == 0 ? "" : decided + (decided == 1 ? " of them has" : " of them have")
                + " a decision already; the earlier one is kept in the history. ")
                + "Recorded under your name. Nothing is sent to the candidate.");
        note.addClassName("dialog-note");
        add(outcome, reason, note);

        Button save = new Button("Record decision", e -> {
            if (outcome.getValue() == null) {
                outcome.setInvalid(true);
                outcome.getElement().callJsFunction("focus");
                return;
            }
            try {
                int changed = decisions.record(assessmentId, submissionIds, outcome.getValue(), reason.getValue());
                Toasts.success(changed == 0 ? "Nothing changed: the decision was already " + outcome.getValue().label()
                        .toLowerCase() + "." : outcome.getValue().label() + " recorded for " + changed
                        + (changed == 1 ? " candidate." : " candidates."));
                close();
                recorded.run();
            } catch (DecisionException ex) {
                if (ex.getMessage().startsWith("Give a reason") || ex.getMessage().startsWith("Keep the reason")) {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                    reason.focus();
                } else {
                    Toasts.error(ex.getMessage());
                }
            }
        });
        save.setId("decision-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }
}
