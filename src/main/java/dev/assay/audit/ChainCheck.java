package dev.assay.audit;

/** The result of checking the whole chain: intact, or the first entry that does not match. */
public record ChainCheck(boolean intact, long entriesChecked, Long firstBrokenId, String problem) {
}
