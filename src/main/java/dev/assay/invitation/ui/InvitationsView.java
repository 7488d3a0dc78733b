package dev.assay.invitation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.LimitedUpload;
import dev.assay.base.ui.RowMenu;
import dev.assay.base.ui.SearchBox;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.invitation.CandidateRequest;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationStatus;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentStatus;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The candidates invited to one assessment: invite one or many, follow their status, re-send or revoke. */
@Route("recruiter/invitations")
@RolesAllowed("RECRUITER")
public class InvitationsView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {


    private final InvitationService invitations;
    private final AssessmentService assessments;
    private final Clock clock;
    private final Grid<InvitationView> grid = new Grid<>();
    private final TextField search = SearchBox.create("invitation-search", "Search name, email or code");
    private String emptyText = "";
    private final Select<InvitationStatus> status = new Select<>();
    private final Span count = new Span();
    private AssessmentView assessment;

    private final Div requestsBox = new Div();

    public InvitationsView(InvitationService invitations, AssessmentService assessments, Clock clock) {
        this.invitations = invitations;
        this.assessments = assessments;
        this.clock = clock;
        setId("invitations-view");
        addClassName("page");
        setPadding(false);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return "Candidates" + (assessment == null ? "" : " · " + assessment.title()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long assessmentId) {
        removeAll();
        try {
            assessment = assessments.get(assessmentId);
        } catch (TaskBankException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        }
        build();
    }

    private void build() {
        // By address: the task bank's views are not part of its public API.
        Anchor back = new Anchor("recruiter/assessment/" + assessment.id(), "← Back to the assessment");
        back.addClassName("back-link");
        boolean open = assessment.status() == AssessmentStatus.OPEN;
        Button inviteOne = new Button("Invite a candidate", VaadinIcon.ENVELOPE_O.create(), e -> openInviteDialog());
        inviteOne.setId("invite-one");
        inviteOne.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button inviteMany = new Button("Invite from a CSV file", VaadinIcon.FILE_TABLE.create(), e -> openCsvDialog());
        inviteMany.setId("invite-csv");
        inviteOne.setEnabled(open);
        inviteMany.setEnabled(open);
        Anchor board = new Anchor("recruiter/review/" + assessment.id(), "Review board →");
        board.addClassName("back-link");
        board.setId("review-board-link");
        add(back, board, new ViewHeader("Candidates · " + assessment.title(), open
                ? "Each candidate gets a personal link by mail. Links work until their start deadline."
                : "This assessment is " + assessment.status().label().toLowerCase(Locale.ROOT)
                        + ": open it to invite candidates.", inviteOne, inviteMany));
        if (open && invitations.linksOnlyWorkLocally()) {
            add(LocalLinksWarning.of(invitations.publicUrl()));
        }
        requestsBox.setId("candidate-requests");
        requestsBox.addClassName("card");
        requestsBox.setWidthFull();
        add(requestsBox);
        showRequests();

        search.setLabel("Search");
        search.addValueChangeListener(e -> refresh());
        status.setLabel("Status");
        status.setId("invitation-status-filter");
        status.setItems(InvitationStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.addValueChangeListener(e -> refresh());
        count.addClassName("result-count");
        count.setId("invitation-count");
        Div filters = new Div(search, status);
        filters.addClassName("filter-bar");
        add(filters, count);

        grid.removeAllColumns();
        grid.setId("invitation-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(InvitationsView::person).setHeader("Candidate").setWidth("14rem").setFlexGrow(3);
        grid.addColumn(InvitationView::candidateCode).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(InvitationsView::statusChip).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.accommodationPercent() == 0 ? "" : "+" + i.accommodationPercent() + "%")
                .setHeader("Extra time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> Dates.dateTime(i.startDeadline())).setHeader("Start by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> Dates.dateTime(i.lastSentAt())).setHeader("Last sent").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("4rem").setFlexGrow(0).setFrozenToEnd(true);
        emptyText = open ? "No candidates yet. Invite one, or many from a CSV file."
                : "No candidates were invited to this assessment.";
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        InvitationStatus s = status.getValue();
        String text = search.getValue();
        long total = invitations.count(assessment.id(), s, text);
        count.setText(total == 1 ? "1 candidate" : String.format("%,d candidates", total));
        grid.setItems(q -> invitations.list(assessment.id(), s, text, q.getOffset(), q.getLimit()).stream(),
                q -> (int) invitations.count(assessment.id(), s, text));
        if (s != null || (text != null && !text.isBlank())) {
            grid.setEmptyStateText("No candidate matches these filters. Clear the search or choose Any status.");
        } else {
            grid.setEmptyStateText(emptyText);
        }
    }

    private static Component person(InvitationView i) {
        return Cells.stack(i.name(), i.email());
    }

    private static Component statusChip(InvitationView i) {
        Span s = new Span(i.status().label());
        s.addClassNames("status", switch (i.status()) {
            case SENT, OPENED -> "status-muted";
            case STARTED -> "status-warning";
            case SUBMITTED -> "status-success";
            case EXPIRED, REVOKED -> "status-danger";
        });
        return s;
    }

    private Component actions(InvitationView i) {
        RowMenu row = new RowMenu(i.name());
        MenuBar bar = row.bar();
        SubMenu menu = row.items();
        if (i.status() != InvitationStatus.STARTED && i.status() != InvitationStatus.SUBMITTED) {
            menu.addItem("Re-send with a new link…", e -> openResendDialog(i));
        }
        if (i.status() != InvitationStatus.SUBMITTED && i.status() != InvitationStatus.REVOKED) {
            menu.addItem("Revoke link…", e -> confirmRevoke(i));
        }
        bar.setVisible(!menu.getItems().isEmpty() && assessment.status() == AssessmentStatus.OPEN);
        return bar;
    }

    private DateTimePicker deadlinePicker(Instant initial) {
        DateTimePicker deadline = new DateTimePicker("Start by (" + Dates.zone().getId() + ")");
        deadline.setId("invitation-deadline");
        deadline.setLocale(Dates.locale());
        deadline.setStep(Duration.ofMinutes(30));
        deadline.setMin(Dates.toLocal(clock.instant()));
        deadline.setValue(Dates.toLocal(initial));
        deadline.setHelperText("The link stops working if they haven't started by then.");
        return deadline;
    }

    private static Instant toInstant(LocalDateTime value) {
        return Dates.toInstant(value);
    }

    private void openInviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a candidate");
        TextField name = new TextField("Full name");
        name.setId("invite-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        EmailField email = new EmailField("Email");
        email.setId("invite-email");
        email.setRequiredIndicatorVisible(true);
        IntegerField extra = new IntegerField("Extra time (accommodation)");
        extra.setId("invite-extra");
        extra.setMin(0);
        extra.setMax(200);
        extra.setStep(5);
        extra.setStepButtonsVisible(true);
        extra.setValue(0);
        extra.setSuffixComponent(new Span("%"));
        extra.setVisible(assessment.accommodationsAllowed());
        extra.setHelperText("For example 25% or 50%, as agreed with the candidate.");
        DateTimePicker deadline = deadlinePicker(defaultDeadline());
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("invite-error");
        error.setVisible(false);
        Div fields = new Div(name, email, extra, deadline, error);
        fields.addClassName("dialog-form");
        Map<InvitationField, HasValidation> byField = Map.of(InvitationField.NAME, name, InvitationField.EMAIL, email,
                InvitationField.ACCOMMODATION, extra, InvitationField.START_DEADLINE, deadline);
        Button send = new Button("Send invitation", e -> {
            NewInvitation candidate = new NewInvitation(name.getValue(), email.getValue(),
                    extra.getValue() == null ? 0 : extra.getValue(), toInstant(deadline.getValue()));
            // Every field that needs something is marked at once, where it is.
            Map<InvitationField, String> problems = invitations.problems(assessment.id(), candidate);
            byField.forEach((field, input) -> {
                input.setErrorMessage(problems.get(field));
                input.setInvalid(problems.containsKey(field));
            });
            error.setVisible(false);
            if (!problems.isEmpty()) {
                ((com.vaadin.flow.component.Focusable<?>) byField.get(problems.keySet().iterator().next())).focus();
                return;
            }
            try {
                IssuedInvitation issued = invitations.invite(assessment.id(), candidate);
                dialog.close();
                refresh();
                Toasts.success("Invitation to " + issued.invitation().name() + " queued; "
                        + (invitations.smtpConfigured() ? "it will be mailed shortly." : "find it in the Outbox."));
            } catch (InvitationException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        send.setId("send-invitation");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fields);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
        name.focus();
    }

    private void openCsvDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite from a CSV file");
        Paragraph help = new Paragraph("The first line is the header name,email — or "
                + "name,email,accommodation_percent — then one candidate per line. If any row has a problem, "
                + "nobody is invited and every problem is listed with its line number.");
        help.addClassName("view-lead");
        DateTimePicker deadline = deadlinePicker(defaultDeadline());
        Div problems = new Div();
        problems.setId("csv-problems");
        problems.addClassName("problem-list");
        problems.setVisible(false);
        Upload upload = new Upload();
        upload.setUploadHandler(new LimitedUpload(InvitationService.MAX_CSV_BYTES, (meta, bytes) -> {
            upload.clearFileList();
            try {
                int invited = invitations.importCsv(assessment.id(), bytes, toInstant(deadline.getValue()));
                dialog.close();
                refresh();
                Toasts.success(String.format("%,d candidates invited from %s.", invited, meta.fileName()));
            } catch (InvitationException ex) {
                showProblems(problems, ex);
            }
        }, message -> {
            upload.clearFileList();
            Toasts.error(message + " Upload a .csv file of at most 5 MB.");
        }));
        upload.setId("csv-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(InvitationService.MAX_CSV_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.addFileRejectedListener(e -> Toasts.error("That file was refused (" + e.getErrorMessage()
                + "). Upload a .csv file of at most 5 MB."));
        Div body = new Div(help, deadline, upload, problems);
        body.addClassName("dialog-form");
        body.setWidth("34rem");
        body.setMaxWidth("100%");
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static void showProblems(Div target, InvitationException ex) {
        target.removeAll();
        Span head = new Span(ex.getMessage());
        head.addClassName("problem-list-head");
        UnorderedList list = new UnorderedList();
        ex.rows().stream().limit(200).forEach(r -> list.add(new ListItem(r.toString())));
        if (ex.rows().size() > 200) {
            list.add(new ListItem("… and " + (ex.rows().size() - 200) + " more rows."));
        }
        target.add(head, list);
        target.setVisible(true);
    }

    /**
     * Candidates' requests for an adjustment or another way to be assessed, open ones first; hidden while there
     * are none.
     */
    private void showRequests() {
        List<CandidateRequest> requests = invitations.requests(assessment.id());
        requestsBox.removeAll();
        requestsBox.setVisible(!requests.isEmpty());
        long waiting = requests.stream().filter(CandidateRequest::open).count();
        H3 title = new H3("Requests from candidates" + (waiting == 0 ? "" : " · " + waiting + " open"));
        requestsBox.add(title);
        for (CandidateRequest r : requests) {
            Div item = new Div();
            item.addClassName("candidate-request");
            Span who = new Span(r.candidateName() + " · " + r.kind().label() + " · " + Dates.dateTime(r.requestedAt()));
            who.addClassName("candidate-request-head");
            Paragraph message = new Paragraph(r.message());
            message.addClassName("candidate-request-message");
            item.add(who, message);
            if (r.open()) {
                Button handle = new Button("Mark handled…", e -> openHandleDialog(r));
                handle.addClassName("handle-request");
                item.add(handle);
            } else {
                Span done = new Span("Handled by " + r.handledBy() + " · " + Dates.dateTime(r.handledAt()) + " · "
                        + r.handledNote());
                done.addClassName("cell-secondary");
                item.add(done);
            }
            requestsBox.add(item);
        }
    }

    private void openHandleDialog(CandidateRequest r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Handle " + r.candidateName() + "'s request");
        Paragraph asked = new Paragraph(r.kind().label() + ": " + r.message());
        asked.addClassName("view-lead");
        TextArea note = new TextArea("What was arranged, or why not");
        note.setId("request-note");
        note.setWidthFull();
        note.setMaxLength(InvitationService.MAX_REQUEST);
        note.setHelperText("Kept with the request and in the audit log's record that it was handled. Tell the "
                + "candidate yourself; nothing is sent from here.");
        Button save = new Button("Mark handled", e -> {
            try {
                invitations.handle(r.id(), note.getValue());
                dialog.close();
                showRequests();
                Toasts.success(r.candidateName() + "'s request is marked handled.");
            } catch (InvitationException ex) {
                note.setErrorMessage(ex.getMessage());
                note.setInvalid(true);
            }
        });
        save.setId("confirm-handled");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(asked, note));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        note.focus();
    }

    private void openResendDialog(InvitationView i) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Re-send to " + i.name());
        Paragraph text = new Paragraph("A new link is mailed to " + i.email() + ". The link they have now stops "
                + "working at once.");
        text.addClassName("view-lead");
        Instant initial = i.startDeadline().isAfter(clock.instant()) ? i.startDeadline() : defaultDeadline();
        DateTimePicker deadline = deadlinePicker(initial);
        Button send = new Button("Send new link", e -> {
            try {
                invitations.resend(i.id(), toInstant(deadline.getValue()));
                dialog.close();
                refresh();
                Toasts.success("A new link for " + i.name() + " is queued; the old one no longer works.");
            } catch (InvitationException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        send.setId("confirm-resend");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(text, deadline));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
    }

    private void confirmRevoke(InvitationView i) {
        ConfirmDialog dialog = new ConfirmDialog("Revoke " + i.name() + "'s link?",
                "The link stops working at once. You can re-send a new link later.", "Revoke", e -> {
                    try {
                        invitations.revoke(i.id());
                        refresh();
                        Toasts.success(i.name() + "'s link is revoked.");
                    } catch (InvitationException ex) {
                        Toasts.error(ex.getMessage());
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Two weeks from now, at 17:00 in the recruiter's time zone. */
    private Instant defaultDeadline() {
        LocalDateTime inTwoWeeks = LocalDateTime.now(clock.withZone(Dates.zone())).plusDays(14)
                .withHour(17).withMinute(0).withSecond(0).withNano(0);
        return Dates.toInstant(inTwoWeeks);
    }
}
