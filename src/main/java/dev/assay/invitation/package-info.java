/**
 * Invitations to an assessment: single and bulk (CSV), single-candidate links whose tokens are stored
 * only as hashes, and outbound mail through an outbox. Public: {@link dev.assay.invitation.InvitationService}
 * and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invitations",
        allowedDependencies = {"base", "base :: ui", "audit", "audit :: port", "taskbank"})
package dev.assay.invitation;
