package dev.assay.taskbank;

import java.time.Instant;

/** One entry in a task's version history. */
public record TaskVersionInfo(long id, int number, boolean published, String contentHash, Instant createdAt,
        String createdBy, Instant publishedAt, String publishedBy) {
}
