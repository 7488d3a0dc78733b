package dev.assay.integration.port;

/** What the integration module holds about a candidate, for erasure. Unguarded: the privacy module's admin-only
 * service calls it. */
public interface IntegrationRecords {

    /**
     * Forgets what an applicant tracking system told Assay about the candidate of an invitation (Greenhouse's profile
     * address, its callback address and who sent the test); the fact that the test came from Greenhouse stays.
     */
    void forget(long invitationId);
}
