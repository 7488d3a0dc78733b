package dev.assay.invitation;

/**
 * An invitation just created or re-sent, with its link. The link holds the only copy of the token
 * outside the candidate's mail; the database keeps its hash.
 */
public record IssuedInvitation(InvitationView invitation, String link) {
}
