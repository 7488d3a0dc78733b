package dev.assay.integration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Dates;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.integration.CreatedWebhook;
import dev.assay.integration.WebhookDelivery;
import dev.assay.integration.WebhookEvent;
import dev.assay.integration.WebhookService;
import dev.assay.integration.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Webhook endpoints for admins: register an address with the events it wants (its signing secret is shown once),
 * see each endpoint's deliveries waiting and given up, send it a test event, read its delivery log and retry a
 * delivery by hand, change or pause it, and delete it after a confirmation.
 */
@Route("admin/webhooks")
@PageTitle("Webhooks · Assay")
@Menu(title = "Webhooks", order = 6, icon = "vaadin:connect")
@RolesAllowed("ADMIN")
public class WebhooksView extends VerticalLayout {

    static final int LOG_ROWS = 100;

    private final WebhookService webhooks;
    private final Div list = new Div();

    public WebhooksView(WebhookService webhooks) {
        this.webhooks = webhooks;
        setId("webhooks");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("Webhooks", "Assay tells an applicant tracking system or a script when something happens: a "
                + "candidate opens their link, submits, the review closes, a decision is recorded. Every event is "
                + "signed (Standard Webhooks) and retried for a day; docs/api.md shows how to check a signature."));
        add(createForm(), list);
        refresh();
    }

    private Component createForm() {
        TextField url = new TextField("Address");
        url.setId("webhook-url");
        url.setPlaceholder("https://ats.example.com/hooks/assay");
        url.setMaxLength(WebhookService.MAX_URL);
        url.setRequiredIndicatorVisible(true);
        url.setManualValidation(true);
        url.setWidthFull();
        TextField description = new TextField("Receiver");
        description.setId("webhook-description");
        description.setPlaceholder("e.g. Greenhouse sync");
        description.setMaxLength(WebhookService.MAX_DESCRIPTION);
        description.setRequiredIndicatorVisible(true);
        description.setManualValidation(true);
        description.setWidthFull();
        CheckboxGroup<WebhookEvent> events = eventChoice();
        events.setId("webhook-events");
        events.setValue(EnumSet.of(WebhookEvent.ATTEMPT_SUBMITTED, WebhookEvent.REVIEW_CLOSED));
        Button add = new Button("Add endpoint", VaadinIcon.PLUS.create(), e -> {
            Map<WebhookService.Field, String> problems = webhooks.problems(url.getValue(), description.getValue(),
                    events.getValue());
            show(url, problems.get(WebhookService.Field.URL));
            show(description, problems.get(WebhookService.Field.DESCRIPTION));
            events.setErrorMessage(problems.get(WebhookService.Field.EVENTS));
            events.setInvalid(problems.containsKey(WebhookService.Field.EVENTS));
            if (!problems.isEmpty()) {
                return;
            }
            CreatedWebhook created = webhooks.create(url.getValue(), description.getValue(), events.getValue());
            url.clear();
            description.clear();
            refresh();
            showSecret(created);
        });
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(add);
        actions.addClassName("form-actions");
        Div card = new Div(new H3("New endpoint"), url, description, events, actions);
        card.addClassNames("card", "form-card");
        return card;
    }

    private static void show(TextField field, String problem) {
        field.setErrorMessage(problem);
        field.setInvalid(problem != null);
    }

    private static CheckboxGroup<WebhookEvent> eventChoice() {
        CheckboxGroup<WebhookEvent> events = new CheckboxGroup<>("Events");
        events.setItems(WebhookEvent.subscribable());
        events.setItemLabelGenerator(e -> e.type() + ": " + e.description());
        events.addClassName("webhook-events");
        return events;
    }

    /** The signing secret, this once. */
    private void showSecret(CreatedWebhook created) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-secret-dialog");
        dialog.setHeaderTitle("Signing secret for " + created.webhook().description());
        TextField secret = new TextField("Signing secret");
        secret.setId("webhook-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> e.getSource().getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", created.secret()));
        Paragraph how = new Paragraph("The receiver checks each event's webhook-signature header with this secret "
                + "(Standard Webhooks: HMAC-SHA256 over webhook-id, webhook-timestamp and the body) and refuses "
                + "timestamps more than five minutes away. Copy it now: Assay will not show it again.");
        how.addClassName("form-warning");
        dialog.add(secret, how);
        Button done = new Button("I have stored it", e -> dialog.close());
        done.setId("webhook-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(copy, done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(38rem, 95vw)");
        dialog.open();
    }

    private void refresh() {
        list.removeAll();
        list.addClassName("card");
        list.setWidthFull();
        list.add(new H3("Endpoints"));
        List<WebhookView> all = webhooks.list();
        if (all.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.CONNECT, "No webhook endpoints yet",
                    "Add one above for each system that should hear about candidates' progress."));
            return;
        }
        Div rows = new Div();
        rows.addClassName("webhook-list");
        all.forEach(w -> rows.add(endpoint(w)));
        list.add(rows);
    }

    private Component endpoint(WebhookView w) {
        Div row = new Div();
        row.addClassName("webhook-row");
        row.setId("webhook-" + w.id());
        Span title = new Span(w.description());
        title.addClassName("webhook-title");
        Span state = new Span(w.active() ? "Active" : "Paused");
        state.addClassNames("status", w.active() ? "status-success" : "status-muted");
        Div head = new Div(title, state);
        head.addClassName("webhook-head");
        Span address = new Span(w.url());
        address.addClassName("webhook-url");
        Div chips = new Div();
        chips.addClassName("chips");
        w.events().forEach(e -> {
            Span chip = new Span(e.type());
            chip.addClassName("chip");
            chips.add(chip);
        });
        Span health = new Span(health(w));
        health.addClassName("webhook-health");
        if (w.failed() > 0) {
            health.addClassName("status-warning");
        }
        Button test = new Button("Send test event", VaadinIcon.PAPERPLANE.create());
        test.setId("webhook-test-" + w.id());
        test.setDisableOnClick(true);
        test.addClickListener(e -> {
            WebhookDelivery d = webhooks.sendTest(w.id());
            test.setEnabled(true);
            report(d);
            refresh();
        });
        Button log = new Button("Deliveries", VaadinIcon.LIST.create(), e -> openLog(w));
        log.setId("webhook-log-" + w.id());
        Button edit = new Button("Edit…", VaadinIcon.EDIT.create(), e -> openEdit(w));
        edit.setId("webhook-edit-" + w.id());
        Button delete = new Button("Delete…", e -> confirmDelete(w));
        delete.setId("webhook-delete-" + w.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(test, log, edit, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div actions = new Div(test, log, edit, delete);
        actions.addClassName("form-actions");
        row.add(head, address, chips, health, actions);
        return row;
    }

    private static String health(WebhookView w) {
        String last = w.lastAttemptAt() == null ? "Nothing sent yet."
                : "Last attempt " + Dates.dateTime(w.lastAttemptAt())
                        + (w.lastStatus() == null ? ": no answer." : ": HTTP " + w.lastStatus() + ".");
        String waiting = w.pending() == 0 ? "" : " " + w.pending() + " waiting for a retry.";
        String failed = w.failed() == 0 ? "" : " " + w.failed() + " given up (retry them from the deliveries).";
        return last + waiting + failed;
    }

    private static void report(WebhookDelivery d) {
        if (d.state() == WebhookDelivery.State.DELIVERED) {
            Toasts.success("Delivered: HTTP " + d.lastStatus() + " in " + d.lastMillis() + " ms.");
        } else if (d.state() == WebhookDelivery.State.PENDING) {
            Toasts.error("Not delivered: " + d.lastError() + " Next try " + Dates.dateTime(d.nextAttemptAt()) + ".");
        } else {
            Toasts.error("Not delivered: " + d.lastError() + " Given up.");
        }
    }

    private void openEdit(WebhookView w) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-edit-dialog");
        dialog.setHeaderTitle("Edit endpoint");
        Paragraph address = new Paragraph(w.url());
        address.addClassName("webhook-url");
        TextField description = new TextField("Receiver");
        description.setId("webhook-edit-description");
        description.setValue(w.description());
        description.setMaxLength(WebhookService.MAX_DESCRIPTION);
        description.setManualValidation(true);
        description.setWidthFull();
        CheckboxGroup<WebhookEvent> events = eventChoice();
        events.setId("webhook-edit-events");
        events.setValue(w.events());
        Checkbox active = new Checkbox("Active (a paused endpoint gets no new events)", w.active());
        active.setId("webhook-edit-active");
        dialog.add(address, description, events, active);
        Button save = new Button("Save", e -> {
            Map<WebhookService.Field, String> problems = webhooks.problems(w.url(), description.getValue(),
                    events.getValue());
            show(description, problems.get(WebhookService.Field.DESCRIPTION));
            events.setErrorMessage(problems.get(WebhookService.Field.EVENTS));
            events.setInvalid(problems.containsKey(WebhookService.Field.EVENTS));
            if (problems.isEmpty()) {
                webhooks.update(w.id(), description.getValue(), events.getValue(), active.getValue());
                dialog.close();
                Toasts.success("Endpoint saved.");
                refresh();
            }
        });
        save.setId("webhook-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(38rem, 95vw)");
        dialog.open();
    }

    private void confirmDelete(WebhookView w) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + w.description() + "?", "Assay stops sending events to "
                + w.url() + " and deletes its delivery log" + (w.pending() > 0 ? ", including " + w.pending()
                        + " deliveries waiting for a retry" : "") + ".", "Delete", ok -> {
                            webhooks.delete(w.id());
                            Toasts.success("Endpoint deleted.");
                            refresh();
                        });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("webhook-confirm-delete");
        confirm.open();
    }

    private void openLog(WebhookView w) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-log-dialog");
        dialog.setHeaderTitle("Deliveries to " + w.description());
        Grid<WebhookDelivery> grid = new Grid<>();
        grid.setId("webhook-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(WebhookDelivery::event).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Dates.dateTime(d.createdAt())).setHeader("Queued").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(WebhooksView::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WebhookDelivery::attempts).setHeader("Tries").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.lastError() != null ? d.lastError()
                : d.lastStatus() == null ? "" : "HTTP " + d.lastStatus() + " in " + d.lastMillis() + " ms")
                .setHeader("Last answer").setFlexGrow(1);
        grid.addComponentColumn(d -> {
            if (d.state() == WebhookDelivery.State.DELIVERED) {
                return new Span();
            }
            Button retry = new Button("Retry now", e -> {
                WebhookDelivery after = webhooks.retry(d.id());
                report(after);
                grid.setItems(webhooks.deliveries(w.id(), 0, LOG_ROWS));
                refresh();
            });
            retry.setId("webhook-retry-" + d.id());
            retry.setDisableOnClick(true);
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return retry;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(d -> {
            Pre payload = new Pre(d.payload());
            payload.addClassName("webhook-payload");
            Span id = new Span("webhook-id " + d.messageId()
                    + (d.nextAttemptAt() == null ? "" : " · next try " + Dates.dateTime(d.nextAttemptAt())));
            id.addClassName("webhook-health");
            return new Div(id, payload);
        }));
        List<WebhookDelivery> rows = webhooks.deliveries(w.id(), 0, LOG_ROWS);
        long total = webhooks.deliveryCount(w.id());
        if (rows.isEmpty()) {
            dialog.add(new EmptyState(VaadinIcon.LIST, "No deliveries yet",
                    "Events this endpoint subscribes to appear here as they are sent. Try \"Send test event\"."));
        } else {
            grid.setItems(rows);
            grid.setAllRowsVisible(rows.size() <= 12);
            if (rows.size() > 12) {
                grid.setHeight("28rem");
            }
            Paragraph note = new Paragraph((total > rows.size() ? "The latest " + rows.size() + " of " + total
                    : total + (total == 1 ? " delivery" : " deliveries")) + ", newest first; select one to see what "
                    + "was sent. Deliveries are kept for 30 days.");
            note.addClassName("webhook-health");
            dialog.add(note, grid);
        }
        Button close = new Button("Close", e -> dialog.close());
        close.setId("webhook-log-close");
        dialog.getFooter().add(close);
        dialog.setWidth("min(64rem, 96vw)");
        dialog.open();
    }

    private static Component state(WebhookDelivery d) {
        Span s = new Span(switch (d.state()) {
            case DELIVERED -> "Delivered";
            case PENDING -> d.attempts() == 0 ? "Queued" : "Retrying";
            case FAILED -> "Given up";
        });
        s.addClassNames("status", switch (d.state()) {
            case DELIVERED -> "status-success";
            case PENDING -> "status-muted";
            case FAILED -> "status-warning";
        });
        return s;
    }
}
