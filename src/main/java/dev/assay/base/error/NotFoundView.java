package dev.assay.base.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

@PageTitle("Page not found · Assay")
@AnonymousAllowed
public class NotFoundView extends ErrorCard implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("404", "We couldn't find that page",
                "The address may be mistyped, or the page may have moved. Check the link or start again "
                        + "from the start page.", null);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
