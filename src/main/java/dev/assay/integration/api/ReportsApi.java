package dev.assay.integration.api;

import dev.assay.ranking.RankingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A candidate's rank card as a PDF: with an API key (scope read), or without one through the signed, expiring link a
 * result carries ({@code reportUrl}), which opens this one report and nothing else.
 */
@RestController
@Tag(name = "Reports", description = "Candidates' rank cards as PDF documents.")
public class ReportsApi {

    private final RankingService rankings;

    ReportsApi(RankingService rankings) {
        this.rankings = rankings;
    }

    @Operation(summary = "Download a rank card", description = "Once the assessment's review is closed, the PDF rank "
            + "card of one reviewed submission: where "
            + "the candidate stands, the decision, each criterion, task and reviewer, the planted-flaw check and the "
            + "integrity signals. Use the reportUrl of a result (signed, expires after 7 days; no key needed) or an "
            + "API key with the read scope.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "The link is wrong or has expired, or the key lacks the scope")
    @ApiResponse(responseCode = "404", description = "No reviewed submission with this id, or its review is still open")
    @GetMapping(value = "/api/v1/reports/rank-cards/{submissionId}.pdf")
    @PreAuthorize("hasAuthority('SCOPE_read') or hasAuthority('REPORT_' + #submissionId)")
    public ResponseEntity<?> rankCard(@PathVariable long submissionId,
            @Parameter(description = "From the signed link: when it expires, Unix seconds")
            @RequestParam(required = false) Long expires,
            @Parameter(description = "From the signed link") @RequestParam(required = false) String signature) {
        byte[] pdf;
        try {
            pdf = rankings.closedCardPdf(submissionId).orElse(null);
        } catch (dev.assay.review.ReviewException e) {
            pdf = null;
        }
        if (pdf == null) {
            return ApiErrors.problem(HttpStatus.NOT_FOUND, "not-found", "No such report", "There is no report for "
                    + "submission " + submissionId + ": it does not exist, has no review, or its assessment's review is "
                    + "not closed yet.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("rank-card-" + submissionId + ".pdf").build().toString())
                .body(pdf);
    }
}
