package dev.assay.invitation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.SearchBox;
import dev.assay.base.ui.Dates;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.OutboxMessageView;
import jakarta.annotation.security.RolesAllowed;
import dev.assay.invitation.internal.InvitationMail;

/**
 * Every message Assay has queued for candidates. Without an SMTP server (the embedded default) this is
 * where invitations wait: recruiters read them here and copy the link to send it themselves.
 */
@Route("recruiter/outbox")
@PageTitle("Outbox · Assay")
@Menu(title = "Outbox", order = 45, icon = "vaadin:envelopes-o")
@RolesAllowed("RECRUITER")
public class OutboxView extends VerticalLayout {


    private static final String NO_MESSAGES = "No messages here. Invitations appear when you invite candidates.";

    public OutboxView(InvitationService invitations) {
        setId("outbox-view");
        addClassName("page");
        setPadding(false);
        setSizeFull();
        add(new ViewHeader("Outbox", invitations.smtpConfigured()
                ? "Messages to candidates and how their delivery went. Sent copies have their links removed."
                : "No mail server is configured, so messages wait here: open one and copy the link to send it to "
                        + "the candidate yourself."));
        if (invitations.linksOnlyWorkLocally()) {
            add(LocalLinksWarning.of(invitations.publicUrl()));
        }
        TextField search = SearchBox.create("outbox-search", "Search by recipient or subject");
        add(search);
        Grid<OutboxMessageView> grid = new Grid<>();
        grid.setId("outbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(OutboxView::message).setHeader("Message").setWidth("15rem").setFlexGrow(4);
        grid.addColumn(m -> m.assessmentTitle() == null ? "" : m.assessmentTitle()).setHeader("Assessment")
                .setFlexGrow(2);
        grid.addComponentColumn(OutboxView::delivery).setHeader("Delivery").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> Dates.dateTime(m.createdAt())).setHeader("Queued").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Button open = new Button("Read", e -> read(m));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.setAriaLabel("Read the message to " + m.recipient());
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        Runnable load = () -> grid.setItems(q -> invitations.outbox(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) invitations.outboxCount(search.getValue()));
        load.run();
        search.addValueChangeListener(e -> {
            load.run();
            grid.setEmptyStateText(search.getValue().isBlank() ? NO_MESSAGES
                    : "No message matches \u201c" + search.getValue().strip() + "\u201d. Check the spelling or clear the search.");
        });
        grid.setEmptyStateText(NO_MESSAGES);
        grid.setSizeFull();
        add(grid);
    }

    private static Component message(OutboxMessageView m) {
        return Cells.stack(m.recipient(), m.subject());
    }

    /**
     * How delivery went. A held message whose candidate has since opened the link was evidently passed on,
     * so it no longer waits for anyone.
     */
    private static Component delivery(OutboxMessageView m) {
        Span s = new Span(m.passedOn() ? "Passed on · candidate " + m.candidateStatus().label().toLowerCase()
                : switch (m.deliveryStatus()) {
                    case "SENT" -> "Sent";
                    case "HELD" -> "Waiting for you";
                    case "PENDING" -> "Sending…";
                    default -> "Not sent";
                });
        s.addClassNames("status", m.passedOn() ? "status-success" : switch (m.deliveryStatus()) {
            case "SENT" -> "status-success";
            case "HELD", "PENDING" -> "status-warning";
            default -> "status-danger";
        });
        if (m.deliveryDetail() != null) {
            s.setTitle(m.deliveryDetail());
        }
        return s;
    }

    private static void read(OutboxMessageView m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(m.subject());
        Span to = new Span("To: " + m.recipient());
        to.addClassName("cell-secondary");
        Pre body = new Pre(m.body());
        body.addClassName("mail-body");
        body.setId("outbox-body");
        Div content = new Div(to, body);
        if (m.deliveryDetail() != null) {
            Span detail = new Span(m.deliveryDetail());
            detail.addClassName("section-note");
            content.add(detail);
        }
        dialog.add(content);
        InvitationMail.findLink(m.body()).ifPresent(url -> {
            Button copy = new Button("Copy link", VaadinIcon.COPY_O.create(), e -> {
                e.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", url);
                Toasts.success("Link copied. Send it to " + m.recipient() + " yourself; it is personal.");
            });
            copy.setId("copy-link");
            copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(copy);
        });
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("44rem");
        dialog.setMaxWidth("95vw");
        dialog.open();
    }
}
