package dev.assay.integration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors Spring MVC itself raises before any API controller runs (no such path, a method or media type the
 * endpoint does not take, a required parameter missing) as problem details too, for requests under {@code /api/}
 * only; everything else is left to the portal's own error handling.
 */
@Component
class ApiFrameworkErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            switch (e) {
                case NoResourceFoundException x -> notFound(request, response);
                case NoHandlerFoundException x -> notFound(request, response);
                case HttpRequestMethodNotSupportedException x -> {
                    if (x.getSupportedHttpMethods() != null && !x.getSupportedHttpMethods().isEmpty()) {
                        response.setHeader("Allow", String.join(", ", x.getSupportedHttpMethods().stream()
                                .map(Object::toString).toList()));
                    }
                    Problems.write(request, response, 405, "method-not-allowed", "Method not allowed",
                            "This endpoint does not take " + x.getMethod() + " requests.");
                }
                case HttpMediaTypeNotSupportedException x -> Problems.write(request, response, 415,
                        "unsupported-media-type", "Body not JSON", "Send the body as application/json.");
                case HttpMediaTypeNotAcceptableException x -> Problems.write(request, response, 406, "not-acceptable",
                        "Not acceptable", "This endpoint answers in JSON (or PDF for reports).");
                case MissingServletRequestParameterException x -> Problems.write(request, response, 400,
                        "bad-request", "Request not valid", "The parameter " + x.getParameterName() + " is required.");
                default -> {
                    return null;
                }
            }
            return new ModelAndView();
        } catch (IOException io) {
            return null;
        }
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, 404, "not-found", "Not found", "There is no endpoint at this address; "
                + "the API is described at /api/v1/openapi.json.");
    }
}
