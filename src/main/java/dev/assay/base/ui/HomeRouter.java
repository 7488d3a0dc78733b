package dev.assay.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The root address sends each signed-in person to the home view of their most senior role.
 * Routes are named, not imported, so the base module depends on no feature module.
 */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeRouter extends Div implements BeforeEnterObserver {

    public static final String ADMIN_HOME = "admin";
    public static final String RECRUITER_HOME = "recruiter";
    public static final String REVIEWER_HOME = "reviews";

    private final transient AuthenticationContext authentication;

    public HomeRouter(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole("ADMIN")) {
            event.forwardTo(ADMIN_HOME);
        } else if (authentication.hasRole("RECRUITER")) {
            event.forwardTo(RECRUITER_HOME);
        } else if (authentication.hasRole("REVIEWER")) {
            event.forwardTo(REVIEWER_HOME);
        } else {
            authentication.logout();
        }
    }
}
