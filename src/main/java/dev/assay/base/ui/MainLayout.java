package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.assay.base.DisplayName;
import dev.assay.base.SignedInAccount;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Arrays;

/**
 * The frame around every staff view: navigation built from the views the signed-in person may open
 * (each view's {@code @Menu} plus its access annotation), the page title, and the user menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver {

    private final H1 viewTitle = new H1();
    private final AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Toggle navigation");
        viewTitle.addClassName("view-title");
        addToNavbar(toggle, viewTitle);

        Header brand = new Header(new Image("icons/assay.svg", ""), new Span("Assay"));
        brand.addClassName("brand-mark");
        SideNav nav = navigation();
        nav.getElement().setAttribute("aria-label", "Main");
        Scroller scroller = new Scroller(nav);
        addToDrawer(brand, scroller, userCard(authentication));
    }

    /** Someone signed in with a temporary password goes to My account until they have chosen their own. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean mustChange = authentication.getAuthenticatedUser(Object.class)
                .filter(SignedInAccount.class::isInstance).map(SignedInAccount.class::cast)
                .map(SignedInAccount::mustChangePassword).orElse(false);
        if (mustChange && !"account".equals(event.getLocation().getPath())) {
            event.forwardTo("account");
        }
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static Component userCard(AuthenticationContext authentication) {
        Footer footer = new Footer();
        footer.addClassName("user-card");
        authentication.getAuthenticatedUser(Object.class).ifPresent(principal -> {
            String name = principal instanceof DisplayName named ? named.displayName()
                    : authentication.getPrincipalName().orElse("");
            Span who = new Span(name);
            who.addClassName("user-name");
            who.setId("signed-in-user");
            Div roles = new Div();
            roles.addClassName("user-roles");
            authentication.getGrantedRoles().stream().sorted().forEach(role -> {
                Span chip = new Span(role.charAt(0) + role.substring(1).toLowerCase());
                chip.addClassNames("chip", "chip-" + role.toLowerCase());
                roles.add(chip);
            });
            Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Anchor account = new Anchor("account", "My account");
            account.setId("my-account-link");
            account.addClassName("user-link");
            Div actions = new Div(account, signOut);
            actions.addClassName("user-actions");
            footer.add(new Div(who, roles), actions);
        });
        return footer;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(currentTitle());
    }

    private String currentTitle() {
        Component content = getContent();
        if (content == null) {
            return "";
        }
        PageTitle title = content.getClass().getAnnotation(PageTitle.class);
        String text = content instanceof HasDynamicTitle dynamic ? dynamic.getPageTitle()
                : title == null ? "" : title.value();
        // Page titles read "Staff accounts · Assay"; the header shows only the first part.
        return text == null ? "" : Arrays.stream(text.split(" · ")).findFirst().orElse("");
    }
}
