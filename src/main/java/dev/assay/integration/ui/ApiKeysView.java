package dev.assay.integration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import dev.assay.integration.ApiKeyService;
import dev.assay.integration.ApiKeyView;
import dev.assay.integration.ApiScope;
import dev.assay.integration.IssuedApiKey;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * API keys for admins: one per integration (an applicant tracking system, a script), with its scopes. A new key is
 * shown once, with a copy button; Assay keeps only its digest. Keys show when they were last used and can be
 * revoked after a confirmation.
 */
@Route("admin/api-keys")
@PageTitle("API keys · Assay")
@Menu(title = "API keys", order = 5, icon = "vaadin:key")
@RolesAllowed("ADMIN")
public class ApiKeysView extends VerticalLayout {

    private final ApiKeyService keys;
    private final Div list = new Div();

    public ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        setId("api-keys");
        addClassName("page");
        setPadding(false);
        // The API reference is served by this installation (Swagger UI over the generated OpenAPI description).
        com.vaadin.flow.component.html.Anchor reference = new com.vaadin.flow.component.html.Anchor("api/docs", "");
        reference.setId("api-reference");
        reference.setTarget("_blank");
        reference.setRouterIgnore(true);
        Button referenceButton = new Button("API reference", VaadinIcon.BOOK.create());
        referenceButton.setTabIndex(-1);
        reference.add(referenceButton);
        add(new ViewHeader("API keys", "Keys let an applicant tracking system or a script use Assay's REST API under "
                + "/api/v1, and Greenhouse reach its assessment-partner endpoints. Each key has scopes; requests with "
                + "it act as the key, never as a person.", reference));
        add(createForm(), list);
        refresh();
    }

    private Component createForm() {
        TextField name = new TextField("Integration");
        name.setId("api-key-name");
        name.setPlaceholder("e.g. Greenhouse production");
        name.setMaxLength(ApiKeyService.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        // The service says what is wrong with a name; the field shows that, not a generic "required".
        name.setManualValidation(true);
        name.setWidthFull();
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
        scopes.setId("api-key-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(s -> s.key() + ": " + s.label());
        scopes.setValue(EnumSet.of(ApiScope.READ));
        Button create = new Button("Create key", VaadinIcon.KEY.create(), e -> {
            name.setInvalid(false);
            try {
                IssuedApiKey issued = keys.create(name.getValue(), scopes.getValue());
                name.clear();
                name.setInvalid(false);
                refresh();
                showOnce(issued);
            } catch (IllegalArgumentException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(create);
        actions.addClassName("form-actions");
        Div card = new Div(new H3("New key"), name, scopes, actions);
        card.addClassNames("card", "form-card");
        return card;
    }

    /** The key, this once: copy it now; Assay cannot show it again. */
    private void showOnce(IssuedApiKey issued) {
        Dialog dialog = new Dialog();
        dialog.setId("api-key-issued");
        dialog.setHeaderTitle("Key for " + issued.key().name());
        TextField secret = new TextField("API key");
        secret.setId("api-key-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> e.getSource().getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.secret()));
        copy.setId("api-key-copy");
        Paragraph warning = new Paragraph("Copy the key now and store it in the integration's secret store. Assay "
                + "keeps only a digest and cannot show it again; if it is lost, revoke it and create another.");
        warning.addClassName("form-warning");
        dialog.add(secret, warning);
        Button done = new Button("I have stored it", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("api-key-done");
        dialog.getFooter().add(copy, done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void refresh() {
        list.removeAll();
        list.addClassName("card");
        list.setWidthFull();
        List<ApiKeyView> all = keys.list();
        list.add(new H3("Keys"));
        if (all.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.KEY, "No API keys yet",
                    "Create one above for each integration, with only the scopes it needs."));
            return;
        }
        Grid<ApiKeyView> grid = new Grid<>();
        grid.setId("api-key-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ApiKeyView::name).setHeader("Integration").setFlexGrow(2);
        grid.addColumn(k -> k.prefix() + "…").setHeader("Key starts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> k.scopes().stream().map(ApiScope::key).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> Dates.dateTime(k.createdAt()) + " by " + k.createdBy()).setHeader("Created").setFlexGrow(2);
        grid.addColumn(k -> k.lastUsedAt() == null ? "Never" : Dates.dateTime(k.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::state).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(all);
        list.add(grid);
    }

    private Component state(ApiKeyView k) {
        if (!k.active()) {
            Span revoked = new Span("Revoked " + Dates.dateTime(k.revokedAt()));
            revoked.addClassNames("status", "status-muted");
            return revoked;
        }
        Button revoke = new Button("Revoke…", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke " + k.name() + "?", "Every request with this key is "
                    + "refused from now on. The integration needs a new key to continue.", "Revoke", ok -> {
                        keys.revoke(k.id());
                        Toasts.success("Key for " + k.name() + " revoked.");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("api-key-confirm-revoke");
            confirm.open();
        });
        revoke.setId("api-key-revoke-" + k.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }
}
