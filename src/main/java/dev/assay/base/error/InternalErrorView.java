package dev.assay.base.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.assay.base.ErrorReference;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown when opening a page fails unexpectedly. The reference id is logged with the stack trace. */
@PageTitle("Something went wrong · Assay")
@AnonymousAllowed
public class InternalErrorView extends ErrorCard implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    private final String reference;

    public InternalErrorView() {
        this(ErrorReference.next());
    }

    private InternalErrorView(String reference) {
        super("500", "Something went wrong on our side",
                "Your data is safe. Try again in a moment; if it keeps happening, send this reference to "
                        + "your administrator so they can find what happened.", reference);
        this.reference = reference;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Unexpected error {} while opening '{}'", reference, event.getLocation().getPath(),
                parameter.getCaughtException());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
