package dev.assay.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and errors, shown at the bottom right where they cover no navigation. */
public final class Toasts {

    private Toasts() {
    }

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    private static void show(String message, NotificationVariant variant, int millis) {
        Notification notification = Notification.show(message, millis, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
    }
}
