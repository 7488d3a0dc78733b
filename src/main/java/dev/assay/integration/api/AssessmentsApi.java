package dev.assay.integration.api;

import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSummary;
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
@RequestMapping("/api/v1/assessments")
@PreAuthorize("hasAuthority('SCOPE_read')")
public class AssessmentsApi {

    public static final int MAX_LIMIT = 200;

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

    @GetMapping
    public Page<Assessment> list(@RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(name = "updated_since", required = false) String updatedSince) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (it is " + limit + ").");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative.");
        }
        Instant since;
        try {
            since = updatedSince == null ? null : Instant.parse(updatedSince);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("updated_since must be an ISO-8601 time such as 2026-12-01T00:00:00Z.");
        }
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
