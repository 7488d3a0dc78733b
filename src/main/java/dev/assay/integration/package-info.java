/**
 * Integration: the versioned REST API under {@code /api/v1} for applicant tracking systems and scripts, and the API
 * keys that open it (created, shown once and revoked by admins; stored as SHA-256 digests; scoped; rate limited per
 * key). API requests never use a staff session: they run as the key, whose scopes are the authorities the services
 * check ({@code SCOPE_read}, {@code SCOPE_invite}). Errors are RFC 9457 problem details. Webhooks tell registered
 * endpoints about invitations opened, attempts submitted, reviews closed and decisions recorded: queued in the
 * transaction of the change (an outbox), signed as Standard Webhooks, retried for a day, logged per endpoint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
        allowedDependencies = {"base", "base :: ui", "audit :: port", "taskbank", "invitation", "invitation :: port", "ranking", "decision",
                "attempt", "review", "review :: port"})
package dev.assay.integration;
