package dev.assay.integration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests under {@code /api/v1/} and {@code /api/greenhouse/} that no endpoint takes: without this, they would fall through to the portal's pages
 * and get its HTML with 200. An address the API has, asked with another method, is 405 with {@code Allow}; any other
 * is 404; both as problem details. The most specific mapping wins, so this only sees what no endpoint matched.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ApiNotFound {

    private final ApplicationContext context;

    ApiNotFound(ApplicationContext context) {
        this.context = context;
    }

    // Not all of /api/**: the reference page's files under /api/swagger-ui/ are static resources, found after mappings.
    @RequestMapping({"/api/v1/**", "/api/greenhouse/**"})
    @PreAuthorize("isAuthenticated()")
    void none(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        Set<String> allowed = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType() != ApiNotFound.class && info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path))) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            }
        });
        if (!allowed.isEmpty()) {
            response.setHeader("Allow", String.join(", ", allowed));
            Problems.write(request, response, 405, "method-not-allowed", "Method not allowed",
                    "This endpoint does not take " + request.getMethod() + " requests.");
            return;
        }
        Problems.write(request, response, 404, "not-found", "Not found", "There is no endpoint at this address; the "
                + "API is described at /api/v1/openapi.json.");
    }
}
