package dev.assay.review;

/**
 * What a submission's AI-collaboration tasks showed, summed over them (see {@link CollaborationEvidence}): planted
 * flaws the assistant served, those that reached the deliverable and those corrected; messages to the assistant and
 * those asking it to check; the share of the deliverables' words copied from its replies.
 */
public record CollaborationSummary(int served, int reached, int corrected, int messages, int checkMessages,
        double copiedShare) {
}
