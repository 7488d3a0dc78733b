package dev.assay.taskbank;

/**
 * A slot as shown to its author: what it holds in words, how many tasks it draws, and (for a random
 * slot) how many servable tasks its pool holds right now.
 */
public record SlotView(SlotSpec spec, String title, String detail, int suggestedMinutes, int poolSize) {
}
