package dev.assay.invitation;

/** A field of the invitation form, so a problem can be shown next to the field it belongs to. */
public enum InvitationField { NAME, EMAIL, ACCOMMODATION, START_DEADLINE }
