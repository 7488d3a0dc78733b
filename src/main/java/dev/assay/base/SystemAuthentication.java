package dev.assay.base;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that the application itself starts (demo data, scheduled jobs) under an explicit system
 * identity, so secured services stay secured instead of growing unchecked back doors.
 */
public final class SystemAuthentication {

    public static final String SYSTEM_PRINCIPAL = "system";

    private SystemAuthentication() {
    }

    public static <T> T callAs(String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SYSTEM_PRINCIPAL, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        // Vaadin's security-context strategy prefers the signed-in person's context, kept in the Vaadin
        // session, over the thread's own. Inside a UI request the session is detached for the duration, so
        // the system identity really applies; services never need the Vaadin session.
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            VaadinSession.setCurrent(null);
        }
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            if (session != null) {
                VaadinSession.setCurrent(session);
            }
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Who is acting: the signed-in person's name, or {@value #SYSTEM_PRINCIPAL} for the application itself. */
    public static String currentName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? SYSTEM_PRINCIPAL : authentication.getName();
    }

    public static void runAs(String role, Runnable work) {
        callAs(role, () -> {
            work.run();
            return null;
        });
    }
}
