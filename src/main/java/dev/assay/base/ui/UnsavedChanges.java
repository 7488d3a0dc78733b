package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * The one guard every editor uses against losing edits: leaving for another page in the application asks
 * first ("Stay", "Leave without saving", and "Save and leave" where the editor can save), and closing or
 * reloading the browser tab gets the browser's own "Leave site?" question while there are unsaved changes.
 *
 * <p>An editor {@link #watch watches} its fields (any value a person changes marks it changed), calls
 * {@link #changed()} for edits that are not field values (adding a row, reordering), {@link #saved()} after
 * a successful save, and hands its {@code beforeLeave} to {@link #beforeLeave}.
 */
public final class UnsavedChanges implements Serializable {

    private final Component view;
    private final String what;
    private boolean dirty;
    private String saveLabel;
    private BooleanSupplier save;
    private Runnable onChange = () -> { };

    /** @param what the thing being edited, as in "Your changes to {what} are not saved yet." */
    public UnsavedChanges(Component view, String what) {
        this.view = view;
        this.what = what;
        view.addAttachListener(e -> {
            installBrowserGuard();
            mark();
        });
        // Run on the page, not on the view's element: JavaScript queued on a detached element is dropped.
        view.addDetachListener(e -> e.getUI().getPage().executeJs("document.body.dataset.unsaved = 'false'"));
    }

    /** Offers "Save and leave" too; the action returns whether saving worked (if not, the person stays). */
    public UnsavedChanges saveWith(String label, BooleanSupplier action) {
        this.saveLabel = label;
        this.save = action;
        return this;
    }

    /** Runs after every change of state, e.g. to update a "Saved" / "Unsaved changes" label. */
    public UnsavedChanges onChange(Runnable listener) {
        this.onChange = listener;
        return this;
    }

    /** Every field under these components that a person changes marks the editor changed. */
    public void watch(Component... roots) {
        for (Component root : roots) {
            if (root instanceof HasValue<?, ?> field) {
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        changed();
                    }
                });
            }
            root.getChildren().forEach(this::watch);
        }
    }

    public void changed() {
        if (!dirty) {
            dirty = true;
            mark();
        }
        onChange.run();
    }

    public void saved() {
        dirty = false;
        mark();
        onChange.run();
    }

    public boolean isDirty() {
        return dirty;
    }

    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog("Leave without saving?",
                "Your changes to " + what + " are not saved yet.", save == null ? "Leave without saving" : saveLabel,
                e -> {
                    if (save == null) {
                        saved();
                        action.proceed();
                    } else if (save.getAsBoolean()) {
                        action.proceed();
                    }
                });
        dialog.setId("unsaved-changes");
        dialog.setCancelable(true);
        dialog.setCancelText("Stay");
        if (save == null) {
            dialog.setConfirmButtonTheme("error primary");
        } else {
            dialog.setRejectable(true);
            dialog.setRejectText("Leave without saving");
            dialog.addRejectListener(e -> {
                saved();
                action.proceed();
            });
        }
        dialog.open();
    }

    private void mark() {
        view.getUI().ifPresent(ui -> ui.getPage().executeJs("document.body.dataset.unsaved = $0", String.valueOf(dirty)));
    }

    private void installBrowserGuard() {
        view.getElement().executeJs("""
                if (!window.assayUnsavedGuard) {
                  window.assayUnsavedGuard = true;
                  window.addEventListener('beforeunload', e => {
                    if (document.body.dataset.unsaved === 'true') { e.preventDefault(); e.returnValue = ''; }
                  });
                }""");
    }
}
