/**
 * What the modules after invitations (attempts, review) tell and ask them, from their services once those
 * have decided who may act. Not for views: nothing here checks the caller, and the modularity test forbids
 * views to use it; people reach invitations through {@link dev.assay.invitation.InvitationService}.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.invitation.port;
