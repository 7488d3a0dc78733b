package dev.assay.support;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Test-only page that fails while opening, to check what people see when something breaks. */
@Route(value = "test/failing-page", autoLayout = false)
@AnonymousAllowed
public class FailingView extends Div {

    public static final String SECRET_DETAIL = "SecretInternalDetail-42";

    public FailingView() {
        throw new IllegalStateException("Simulated failure with " + SECRET_DETAIL);
    }
}
