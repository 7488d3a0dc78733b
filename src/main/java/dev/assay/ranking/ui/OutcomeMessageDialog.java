package dev.assay.ranking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.base.ui.Toasts;
import dev.assay.decision.Decision;
import dev.assay.decision.Outcome;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationService;
import dev.assay.ranking.RankingService;
import dev.assay.review.ReviewException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells a selection of candidates the outcome of their decision by mail: a message for that outcome, written out
 * in full and editable, queued in the outbox only when the recruiter presses the button. A selection whose
 * candidates have different decisions, or none, gets no message.
 */
final class OutcomeMessageDialog extends Dialog {

    OutcomeMessageDialog(RankingService rankings, long assessmentId, String assessmentTitle, List<Long> submissionIds,
            Map<Long, Decision> current, Runnable queued) {
        setHeaderTitle("Tell " + submissionIds.size() + (submissionIds.size() == 1 ? " candidate" : " candidates"));
        setId("outcome-dialog");
        setWidth("min(40rem, 95vw)");
        Set<Outcome> outcomes = submissionIds.stream().map(current::get)
                .map(d -> d == null ? null : d.outcome()).collect(Collectors.toSet());
        Button cancel = new Button("Cancel", e -> close());
        if (outcomes.size() != 1 || outcomes.contains(null)) {
            Paragraph why = new Paragraph(outcomes.contains(null)
                    ? "Some of the selected candidates have no decision yet. Record one first: a message tells a "
                            + "person what was decided about them."
                    : "The selected candidates have different decisions. Select candidates with the same decision "
                            + "and tell each group its own message.");
            why.setId("outcome-mixed");
            add(why);
            getFooter().add(cancel);
            return;
        }
        Outcome outcome = outcomes.iterator().next();
        TextField subject = new TextField("Subject");
        subject.setId("outcome-subject");
        subject.setWidthFull();
        subject.setMaxLength(InvitationService.MAX_SUBJECT);
        subject.setValue(subject(outcome, assessmentTitle));
        TextArea body = new TextArea("Message");
        body.setId("outcome-body");
        body.setWidthFull();
        body.setMaxLength(InvitationService.MAX_MESSAGE);
        body.setMinHeight("14rem");
        body.setValue(body(outcome, assessmentTitle));
        body.setHelperText("{name} becomes each candidate's name. Edit freely: this is what they will read.");
        Paragraph note = new Paragraph("Decision: " + outcome.label().toLowerCase(Locale.ROOT) + ". The messages wait "
                + "in the Outbox and go out with the mail server; each is recorded in the audit log under your name.");
        note.addClassName("dialog-note");
        add(subject, body, note);
        Button send = new Button("Queue " + submissionIds.size() + (submissionIds.size() == 1 ? " message" : " messages"),
                e -> {
                    try {
                        int n = rankings.tellCandidates(assessmentId, submissionIds, outcome, subject.getValue(),
                                body.getValue());
                        Toasts.success(n + (n == 1 ? " message is" : " messages are") + " queued in the Outbox.");
                        close();
                        queued.run();
                    } catch (InvitationException | ReviewException ex) {
                        body.setErrorMessage(ex.getMessage());
                        body.setInvalid(true);
                    }
                });
        send.setId("outcome-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, send);
    }

    static String subject(Outcome outcome, String title) {
        return switch (outcome) {
            case ADVANCE -> "Your assessment for " + title + ": the next step";
            case HOLD -> "Your assessment for " + title + ": an update";
            case DECLINE -> "Your assessment for " + title;
        };
    }

    static String body(Outcome outcome, String title) {
        String opening = "Dear {name},\n\nThank you for the time you gave to the " + title + " assessment. A panel "
                + "of reviewers scored your work against the role's rubric, and a member of the hiring team has "
                + "looked at the result.\n\n";
        String middle = switch (outcome) {
            case ADVANCE -> "We would like to invite you to the next step of the process, and will be in touch "
                    + "shortly to arrange a time.";
            case HOLD -> "We have not yet decided on the next step for you, and will write again once we have. "
                    + "You do not need to do anything in the meantime.";
            case DECLINE -> "We have decided not to take your application further this time. This decision was "
                    + "made by a person, not by software.";
        };
        return opening + middle + "\n\nIf you would like an explanation of how your work was assessed, reply to this "
                + "message and we will send you one.\n\nKind regards,\nThe hiring team";
    }
}
