package dev.assay.base.security;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a page that the signed-in person may not open the HTTP status 403. Vaadin answers the first load of
 * any route with its start page (200) and shows the "not available to you" view only once the browser asks
 * for the route; this filter checks the route's access annotations on that first load, so browsers, proxies
 * and monitoring see the refusal too. The page the person sees is unchanged.
 */
class ForbiddenViewStatus extends OncePerRequestFilter {

    private final AccessAnnotationChecker access;

    ForbiddenViewStatus(AccessAnnotationChecker access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null
                || request.getRequestURI().contains("/VAADIN/") || request.getUserPrincipal() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length()).replaceFirst("^/", "");
        var target = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()))
                .getNavigationRouteTarget(path);
        if (target.hasTarget() && !access.hasAccess(target.getRouteTarget().getTarget(), request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int status) {
                    super.setStatus(status == SC_OK ? SC_FORBIDDEN : status);
                }
            });
            return;
        }
        chain.doFilter(request, response);
    }
}
