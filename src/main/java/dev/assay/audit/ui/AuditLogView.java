package dev.assay.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Dates;
import dev.assay.audit.AuditActions;
import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.audit.ChainCheck;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;

/** Admins read the audit log, filter it, and check that no entry was changed or removed. */
@Route("admin/audit")
@PageTitle("Audit log · Assay")
@Menu(title = "Audit log", order = 2, icon = "vaadin:file-text-o")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout {


    private final AuditLog audit;
    private final TextField actor = new TextField("Who");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final TextField subject = new TextField("Subject");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();
    private final Div result = new Div();

    public AuditLogView(AuditLog audit) {
        this.audit = audit;
        setId("audit-log");
        addClassName("page");
        setPadding(false);
        setSizeFull();
        Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> verify());
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Audit log", "Every recorded change to scores, assignments, identities, accounts and "
                + "sign-ins: who, when, what and why. Each entry holds the hash of the one before it and a seal only "
                + "this installation's key can make, so tampering shows.", verify));
        result.setId("chain-result");
        result.setVisible(false);
        add(result, publishedHead());

        actor.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(audit.actions());
        action.setItemLabelGenerator(AuditActions::label);
        action.setClearButtonVisible(true);
        action.setPlaceholder("Any action");
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {actor, action, subject, from, to}) {
            field.addValueChangeListener(e -> refresh());
        }
        Div filters = new Div(actor, action, subject, from, to);
        filters.addClassName("filter-bar");
        count.addClassName("result-count");
        count.setId("audit-count");
        add(filters, count);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Dates.dateTime(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setWidth("12rem").setFlexGrow(1);
        grid.addComponentColumn(e -> Cells.stack(AuditActions.label(e.action()), e.subject())).setHeader("What").setWidth("16rem")
                .setFlexGrow(2);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Why").setWidth("10rem").setFlexGrow(2);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
            Pre details = new Pre(e.details().isBlank() ? "(no details)" : e.details());
            details.addClassName("mail-body");
            Span hashes = new Span("Previous hash " + e.previousHash() + " · hash " + e.hash());
            hashes.addClassName("hash");
            return new Div(details, hashes);
        }));
        grid.setEmptyStateText("No entry matches these filters.");
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), subject.getValue(),
                from.getValue() == null ? null : Dates.toInstant(from.getValue().atStartOfDay()),
                to.getValue() == null ? null : Dates.toInstant(to.getValue().plusDays(1).atStartOfDay()));
    }

    private void refresh() {
        AuditFilter f = filter();
        long total = audit.count(f);
        count.setText(total == 1 ? "1 entry" : String.format("%,d entries", total));
        grid.setItems(q -> audit.search(f, q.getOffset(), q.getLimit()).stream(), q -> (int) audit.count(f));
    }

    /**
     * Checking against a head published earlier (the application log records the newest entry's number and
     * hash every hour): if the stored entry no longer has that hash, history was rewritten after that point.
     */
    private Details publishedHead() {
        IntegerField entry = new IntegerField("Entry number");
        entry.setId("published-entry");
        entry.setMin(1);
        TextField hash = new TextField("Hash published for it");
        hash.setId("published-hash");
        hash.setWidth("36rem");
        hash.setMaxWidth("100%");
        hash.setHelperText("From the line \"Audit chain head: entry N with hash H\" in the application log.");
        Button check = new Button("Check", e -> {
            entry.setInvalid(entry.getValue() == null);
            entry.setErrorMessage("Enter the entry number from the log.");
            hash.setInvalid(!hash.getValue().strip().matches("[0-9a-fA-F]{64}"));
            hash.setErrorMessage("Paste the 64-character hash from the log.");
            if (!entry.isInvalid() && !hash.isInvalid()) {
                show(audit.verify(entry.getValue(), hash.getValue()));
            }
        });
        check.setId("check-published-head");
        Div form = new Div(entry, hash, check);
        form.addClassName("filter-bar");
        Details details = new Details("Check against a published head", form);
        details.setId("published-head");
        return details;
    }

    private void verify() {
        show(audit.verify());
    }

    private void show(ChainCheck check) {
        result.removeAll();
        result.setVisible(true);
        result.removeClassNames("import-result", "problem-list");
        if (check.intact()) {
            result.addClassName("import-result");
            result.add(VaadinIcon.CHECK_CIRCLE.create(), new Span(String.format(
                    "The chain is intact: all %,d entries match their hashes and follow one another.", check.entriesChecked())));
        } else {
            result.addClassName("problem-list");
            result.add(VaadinIcon.WARNING.create(), new Span("The chain is broken at entry " + check.firstBrokenId()
                    + ": " + check.problem() + ". The log may have been tampered with; keep a copy of the database "
                    + "and investigate."));
        }
    }
}
