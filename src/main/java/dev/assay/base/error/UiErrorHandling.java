package dev.assay.base.error;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.assay.base.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Catches what escapes a click or an edit: logs it with a reference id and tells the person in plain
 * words, instead of letting the framework show its own error.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {

        @Override
        public void error(ErrorEvent event) {
            Throwable failure = event.getThrowable();
            String message;
            if (causedBy(failure, AccessDeniedException.class)) {
                log.warn("Action refused by method security: {}", failure.getMessage());
                message = "You are not allowed to do that.";
            } else if (causedBy(failure, OptimisticLockingFailureException.class)) {
                log.info("Concurrent change detected: {}", failure.getMessage());
                message = "Someone else changed this in the meantime. Reload the page to see their change.";
            } else {
                String reference = ErrorReference.next();
                log.error("Unexpected error {} in the user interface", reference, failure);
                message = "Something went wrong. Your data is safe; try again. If it keeps happening, give "
                        + "your administrator this reference: " + reference;
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
