package dev.assay.integration.api;

import dev.assay.integration.internal.Problems;
import dev.assay.taskbank.TaskBankException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the API's controllers as RFC 9457 problem details, with a type per kind of problem. */
@RestControllerAdvice(basePackageClasses = {ApiErrors.class, dev.assay.integration.greenhouse.GreenhouseApi.class})
public class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Request not valid",
                e instanceof MethodArgumentTypeMismatchException m ? m.getName() + " must be a number." : e.getMessage());
    }

    @ExceptionHandler(TaskBankException.class)
    ResponseEntity<ProblemDetail> notFound(TaskBankException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Request not valid",
                "The body must be a JSON object with the fields this endpoint documents.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Scope missing", "This key's scopes do not allow this request.");
    }

    /**
     * Anything else that goes wrong: 500 with a reference to quote, the same reference in the log with the cause, and
     * nothing about the inside in the answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = dev.assay.base.ErrorReference.next();
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).error("API request failed (reference {})", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                "The request could not be completed. Quote reference " + reference + " to your administrator.");
    }

    /** A 422 {@code invalid-invitation} problem with {@code errors}: by field, or by index for many candidates. */
    public static ResponseEntity<ProblemDetail> invalid(String title, String detail, Object errors) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-invitation", title, detail).getBody();
        p.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(Problems.TYPES + type));
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
