package dev.assay.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts Spring Security's CSRF token in every page's head, where Vaadin's sign-in form looks for it
 * ({@code _csrf} and {@code _csrf_parameter}) and adds it to the form it posts.
 */
@Component
class CsrfMetaTags implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest() instanceof VaadinServletRequest request
                    && request.getHttpServletRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                var head = page.getDocument().head();
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf_header").attr("content", token.getHeaderName());
            }
        });
    }
}
