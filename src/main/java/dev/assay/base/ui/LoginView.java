package dev.assay.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Staff sign-in. Candidates never sign in: they arrive through their invitation link. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Assay")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("login-view");

        Section brand = new Section();
        brand.addClassName("login-brand");
        Div logo = new Div(new Image("icons/assay.svg", ""), new Span("Assay"));
        logo.addClassName("brand-mark");
        H1 claim = new H1("Find out who can actually work with AI.");
        Paragraph lead = new Paragraph("Realistic work-sample tasks, scored blind by your hiring panel "
                + "against anchored rubrics, and ranked honestly.");
        UnorderedList pillars = new UnorderedList(
                pillar("Workflow thinking", "Do they break work into steps and give AI the right jobs?"),
                pillar("Automation instincts", "Do they spot the repetitive work worth automating?"),
                pillar("Critique of AI output", "Do they catch what the AI got wrong before it ships?"));
        pillars.addClassName("login-pillars");
        brand.add(logo, claim, lead, pillars);

        Section signIn = new Section();
        signIn.addClassName("login-panel");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        Paragraph candidates = new Paragraph("Taking an assessment? You don't need an account: "
                + "open the link in your invitation email.");
        candidates.addClassName("login-candidate-note");
        signIn.add(form, candidates);

        add(brand, signIn);
    }

    private static ListItem pillar(String title, String text) {
        Span name = new Span(title);
        name.addClassName("pillar-title");
        return new ListItem(name, new Span(text));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        rememberEmail(query.containsKey("error") || query.containsKey("stale"));
        if (query.containsKey("error")) {
            form.setI18n(i18n(lastAuthenticationFailure()));
            form.setError(true);
        } else if (query.containsKey("ended")) {
            LoginI18n i18n = i18n(null);
            i18n.getErrorMessage().setTitle("Your session has ended");
            i18n.getErrorMessage().setMessage("Your account was changed (its roles, its password, or it was "
                    + "disabled), so you were signed out everywhere. Sign in again if you still have access.");
            form.setI18n(i18n);
            form.setError(true);
        } else if (query.containsKey("stale")) {
            LoginI18n i18n = i18n(null);
            i18n.getErrorMessage().setTitle("Please sign in again");
            i18n.getErrorMessage().setMessage("The sign-in page had been open too long, so nothing was sent. "
                    + "Enter your email and password once more.");
            form.setI18n(i18n);
            form.setError(true);
        } else if (query.containsKey("signedout")) {
            LoginI18n i18n = i18n(null);
            i18n.getForm().setTitle("You have signed out");
            form.setI18n(i18n);
        }
    }

    /**
     * A failed sign-in reloads the page; the email typed is put back (from this tab's storage, never the
     * password) and the password field focused, so a mistyped password costs one field, not two.
     */
    private void rememberEmail(boolean restore) {
        form.getElement().executeJs("""
                const form = this, key = 'assay.signin.email';
                form.addEventListener('login', e => sessionStorage.setItem(key, e.detail.username || ''));
                if (!$0) { sessionStorage.removeItem(key); return; }
                const email = sessionStorage.getItem(key);
                if (!email) { return; }
                const fill = () => {
                  const user = form.querySelector('[name=username]'), pass = form.querySelector('[name=password]');
                  if (!user || !pass) { return requestAnimationFrame(fill); }
                  user.value = email;
                  // The username field focuses itself once rendered (autofocus); move focus on to the password,
                  // for half a second at most and only while nobody has clicked somewhere else.
                  let tries = 0;
                  const focusPassword = () => {
                    const active = document.activeElement;
                    if (!pass.contains(active) && (!active || active === document.body || user.contains(active))) {
                      pass.focus();
                    }
                    if (++tries < 20) { setTimeout(focusPassword, 25); }
                  };
                  focusPassword();
                };
                customElements.whenDefined('vaadin-login-form').then(fill);""", restore);
    }

    private static AuthenticationException lastAuthenticationFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        Object failure = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof AuthenticationException e ? e : null;
    }

    static LoginI18n i18n(AuthenticationException failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Assay");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setSubmit("Sign in");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        switch (failure) {
            case LockedException ignored -> {
                error.setTitle("Sign-in paused");
                error.setMessage("There were too many failed attempts. For your security, sign-in for this "
                        + "email is paused for 15 minutes. Try again later or ask an administrator.");
            }
            case DisabledException ignored -> {
                error.setTitle("Account disabled");
                error.setMessage("This account has been disabled. Ask an administrator if you need access.");
            }
            case null, default -> {
                error.setTitle("Incorrect email or password");
                error.setMessage("Check both and try again. After 5 failed attempts in 15 minutes, "
                        + "sign-in is paused for 15 minutes.");
            }
        }
        return i18n;
    }
}
