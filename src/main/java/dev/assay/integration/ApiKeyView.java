package dev.assay.integration;

import java.time.Instant;
import java.util.Set;

/** An API key as an admin sees it: never the key itself, only its first characters. */
public record ApiKeyView(long id, String name, String prefix, Set<ApiScope> scopes, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }
}
