package dev.assay.privacy.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.DataTable;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Downloads;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.invitation.InvitationView;
import dev.assay.privacy.DataCategory;
import dev.assay.privacy.PrivacyException;
import dev.assay.privacy.PrivacyService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A candidate's rights, for administrators: find what Assay holds by the email they were invited with, download
 * it all as one file, or erase it on request after typing the email again.
 */
@Route("admin/candidate-data")
@PageTitle("Candidate data · Assay")
@Menu(title = "Candidate data", order = 3, icon = "vaadin:user-card")
@RolesAllowed("ADMIN")
public class CandidateDataView extends VerticalLayout {

    private final PrivacyService privacy;
    private final EmailField email = new EmailField("Candidate's email address");
    private final Div result = new Div();

    public CandidateDataView(PrivacyService privacy) {
        this.privacy = privacy;
        setId("candidate-data");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("Candidate data", "When a candidate asks what Assay holds about them, or asks for it to be "
                + "erased: find them by the email address they were invited with."));
        email.setId("privacy-email");
        email.setWidth("min(28rem, 100%)");
        email.setClearButtonVisible(true);
        Button find = new Button("Find", VaadinIcon.SEARCH.create(), e -> find());
        find.setId("privacy-find");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER);
        Div form = new Div(email, find);
        form.addClassName("filter-bar");
        result.setId("privacy-result");
        result.setWidthFull();
        add(form, result, retention());
    }

    /** How long each kind of data is kept, as configured. */
    private Div retention() {
        DataTable<Map.Entry<DataCategory, Duration>> table = new DataTable<Map.Entry<DataCategory, Duration>>()
                .column("Data", e -> e.getKey().label())
                .column("Kept after the assessment closes", e -> e.getValue().toDays() + " days", DataTable.Align.END)
                .column("Setting", e -> "assay.retention." + e.getKey().key())
                .rows(privacy.retention().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
        table.setId("retention-settings");
        Div box = new Div(new H3("Retention"), note("A scheduled job (every six hours) removes each kind of data once it is past its time: "
                + "names and emails become placeholders and text is deleted; levels, outcomes and codes stay for "
                + "statistics. Each removal is recorded in the audit log."), table);
        box.addClassName("card");
        box.setWidthFull();
        return box;
    }

    private void find() {
        result.removeAll();
        String address = email.getValue() == null ? "" : email.getValue().strip();
        if (address.isEmpty() || email.isInvalid()) {
            email.setErrorMessage("Enter the email address the candidate was invited with.");
            email.setInvalid(true);
            return;
        }
        List<InvitationView> found = privacy.find(address);
        if (found.isEmpty()) {
            result.add(new EmptyState(VaadinIcon.USER, "No candidate with this email",
                    "Nobody was invited with " + address + ", so Assay holds nothing about them under it. Check the "
                            + "spelling, or ask the candidate which address the invitation went to."));
            return;
        }
        DataTable<InvitationView> table = new DataTable<InvitationView>()
                .column("Candidate", i -> i.name() + " · " + i.candidateCode())
                .column("Assessment", i -> "#" + i.assessmentId())
                .column("Status", i -> i.status().label())
                .column("Invited", i -> Dates.dateTime(i.lastSentAt()))
                .rows(found);
        table.setId("privacy-invitations");
        Anchor download = Downloads.button("privacy-export", "Download everything (JSON)",
                "assay-candidate-data.json", "application/json", () -> privacy.export(address));
        Button erase = new Button("Erase…", VaadinIcon.TRASH.create(), e -> confirmErase(address, found.size()));
        erase.setId("privacy-erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(download, erase);
        actions.addClassName("decision-toolbar");
        Div box = new Div(new H3(found.size() == 1 ? "1 invitation" : found.size() + " invitations"), table, actions,
                note("The download holds the invitations, answers, assistant conversations, time and paste signals, "
                        + "the candidate's own self-identification answers, reviewers' levels and comments (reviewers "
                        + "numbered, not named), decisions with their reasons, requests and messages. Downloading is "
                        + "recorded in the audit log."));
        box.addClassName("card");
        box.setWidthFull();
        result.add(box);
    }

    private void confirmErase(String address, int invitations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Erase this candidate's data?");
        dialog.setId("erase-dialog");
        dialog.setWidth("min(36rem, 95vw)");
        UnorderedList what = new UnorderedList(
                new ListItem("Erased in " + (invitations == 1 ? "the invitation" : "all " + invitations + " invitations")
                        + ": name and email (replaced by placeholders), answers, assistant conversations, "
                        + "self-identification answers, requests, messages, and every written comment or reason "
                        + "about them. Their link stops working."),
                new ListItem("Kept, without anything that identifies them: the candidate code, levels, decisions' "
                        + "outcomes, time and paste counts, so rankings, statistics and the audit log stay consistent."),
                new ListItem("This cannot be undone."));
        TextField confirm = new TextField("Type the email address again");
        confirm.setId("erase-confirm");
        confirm.setWidthFull();
        TextArea reason = new TextArea("Why");
        reason.setId("erase-reason");
        reason.setWidthFull();
        reason.setPlaceholder("For example: the candidate's request of 2 December 2026");
        reason.setHelperText("Kept in the audit log with the candidate's code.");
        Button go = new Button("Erase", e -> {
            confirm.setInvalid(false);
            reason.setInvalid(false);
            try {
                int n = privacy.erase(address, confirm.getValue(), reason.getValue());
                dialog.close();
                Toasts.success("Erased " + (n == 1 ? "1 invitation" : n + " invitations") + ".");
                email.setValue("");
                result.removeAll();
                result.add(note("Erased. The audit log records it under your name with the candidate's code."));
            } catch (PrivacyException ex) {
                if (ex.getMessage().startsWith("Type")) {
                    confirm.setErrorMessage(ex.getMessage());
                    confirm.setInvalid(true);
                } else {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                }
            }
        });
        go.setId("erase-go");
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(what, confirm, reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
        confirm.focus();
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("cell-secondary");
        return p;
    }
}
