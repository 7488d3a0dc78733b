package dev.assay.base.error;

import dev.assay.base.ErrorReference;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Replaces Spring Boot's error page for failures outside Vaadin's views (filters, static resources):
 * a plain page with a reference id, never a stack trace.
 */
@Controller
class PlainErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(PlainErrorController.class);

    private static final String NOT_FOUND = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found · Assay</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/styles/assay.css"></head>
            <body><main class="error-page"><div class="error-card" id="not-found"><span class="error-code">404</span>
            <h1>We couldn't find that page</h1><p>The address may be mistyped, the page may have moved, or it is
            not available to your account. Check the link or start again from the start page.</p>
            <a class="error-home" href="/">Go to the start page</a></div></main></body></html>
            """;

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(status);
        if (status == 404 || status == 403 && "GET".equals(request.getMethod())) {
            // Spring Security refuses addresses that are not a view the person may open before Vaadin can
            // route them; to the person that is a page that isn't there, and saying so reveals nothing.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(NOT_FOUND);
        }
        String reference = ErrorReference.next();
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t) {
            log.error("Unexpected error {} for {}", reference, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        } else {
            log.warn("Error {} ({}) for {}", reference, status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        String title = httpStatus.is4xxClientError() ? "That request couldn't be handled" : "Something went wrong";
        String body = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s · Assay</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/styles/assay.css"></head>
                <body><main class="error-page"><div class="error-card"><span class="error-code">%d</span>
                <h1>%s</h1><p>Try again from the start page. If it keeps happening, give your administrator
                this reference.</p><p class="error-reference-line">Reference: <span id="error-reference"
                class="error-reference">%s</span></p><a class="error-home" href="/">Go to the start page</a>
                </div></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), status, HtmlUtils.htmlEscape(title), reference);
        return ResponseEntity.status(httpStatus).contentType(MediaType.TEXT_HTML).body(body);
    }
}
