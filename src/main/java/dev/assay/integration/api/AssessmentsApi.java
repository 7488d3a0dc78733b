package dev.assay.integration.api;

import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/assessments}: the assessments an integration can invite candidates to, newest first, a page at a
 * time ({@code limit} 1–200, default 50; {@code offset}), optionally only those changed at or after
 * {@code updated_since} (ISO-8601). Times are ISO-8601 in UTC; ids are the portal's stable ids. Needs the read scope.
 */
@RestController
@Tag(name = "Assessments", description = "The assessments candidates can be invited to.")
@RequestMapping("/api/v1/assessments")
@PreAuthorize("hasAuthority('SCOPE_read')")
public class AssessmentsApi {

    public static final int MAX_LIMIT = 200;
    static final String LIMIT = "How many items a page holds: 1 to 200";
    static final String OFFSET = "How many items to skip: the previous page's nextOffset";
    static final String SINCE = "Only items changed at or after this ISO-8601 time, e.g. 2026-12-01T00:00:00Z";

    /** One assessment. */
    public record Assessment(long id, String title, String role, String status, int tasks, int minutes,
            String updatedAt) {
    }

    /** A page: the items, how many match in all, and the offset of the next page (null on the last). */
    public record Page<T>(List<T> items, int total, int offset, int limit, Integer nextOffset) {
    }

    private final AssessmentService assessments;

    AssessmentsApi(AssessmentService assessments) {
        this.assessments = assessments;
    }

    static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (it is " + limit + ").");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative.");
        }
    }

    /** An optional ISO-8601 time parameter; a clear 400 when it is not one. */
    static Instant time(String parameter, String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + " must be an ISO-8601 time such as 2026-12-01T00:00:00Z.");
        }
    }

    @Operation(summary = "List assessments", description = "Newest first, optionally only those changed at or after "
            + "updated_since. Scope: read.")
    @GetMapping
    public Page<Assessment> list(@Parameter(description = LIMIT) @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = OFFSET) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = SINCE) @RequestParam(name = "updated_since", required = false) String updatedSince) {
        checkPage(limit, offset);
        Instant since = time("updated_since", updatedSince);
        List<AssessmentSummary> all = assessments.list().stream()
                .filter(a -> since == null || !a.updatedAt().isBefore(since)).toList();
        List<Assessment> items = all.stream().skip(offset).limit(limit)
                .map(a -> new Assessment(a.id(), a.title(), a.roleName(), a.status().name().toLowerCase(Locale.ROOT),
                        a.taskCount(), a.totalMinutes(), a.updatedAt().toString()))
                .toList();
        Integer next = offset + items.size() < all.size() ? offset + items.size() : null;
        return new Page<>(items, all.size(), offset, limit, next);
    }
}
