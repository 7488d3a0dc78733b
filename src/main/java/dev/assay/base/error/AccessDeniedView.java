package dev.assay.base.error;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

@PageTitle("No access · Assay")
@AnonymousAllowed
public class AccessDeniedView extends ErrorCard implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("403", "This page isn't available to you",
                "Your account doesn't have the role this page needs. If you think it should, ask an "
                        + "administrator.", null);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
