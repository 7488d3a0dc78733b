/**
 * Integration: the versioned REST API under {@code /api/v1} for applicant tracking systems and scripts, and the API
 * keys that open it (created, shown once and revoked by admins; stored as SHA-256 digests; scoped; rate limited per
 * key). API requests never use a staff session: they run as the key, whose scopes are the authorities the services
 * check ({@code SCOPE_read}, {@code SCOPE_invite}). Errors are RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
        allowedDependencies = {"base", "base :: ui", "audit :: port", "taskbank", "invitation", "ranking", "decision"})
package dev.assay.integration;
