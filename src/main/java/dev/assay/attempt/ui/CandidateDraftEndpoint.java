package dev.assay.attempt.ui;

import dev.assay.attempt.AttemptException;
import dev.assay.attempt.AttemptService;
import dev.assay.attempt.OtherPageException;
import dev.assay.base.Conflicts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives what a candidate's page had typed but not yet had confirmed, sent with {@code navigator.sendBeacon}
 * as the page is hidden or closed. The token in the body is the credential, as on the page itself; no session
 * or cookie is involved, so a cross-site request cannot use it without the token. The token is never logged.
 */
@RestController
class CandidateDraftEndpoint {

    static final String PATH = "/candidate-drafts";
    /** Far more than any page's unconfirmed text: every field of every task at its limit is less. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CandidateDraftEndpoint.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Beacon(String token, String page, Map<Integer, Map<String, String>> drafts) {
    }

    private final AttemptService attempts;

    CandidateDraftEndpoint(AttemptService attempts) {
        this.attempts = attempts;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Beacon beacon;
        try {
            beacon = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), new TypeReference<Beacon>() { });
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        if (beacon.token() == null || beacon.page() == null || beacon.drafts() == null) {
            return ResponseEntity.badRequest().build();
        }
        try {
            for (var task : beacon.drafts().entrySet()) {
                if (task.getValue() != null && !task.getValue().isEmpty()) {
                    Conflicts.retry("closing-page text", () -> attempts.saveTexts(beacon.token(), beacon.page(), task.getKey(),
                            task.getValue()));
                }
            }
            return ResponseEntity.noContent().build();
        } catch (OtherPageException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        } catch (AttemptException e) {
            log.debug("Closing-page text not stored: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.GONE).build();
        }
    }
}
