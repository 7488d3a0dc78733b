/**
 * Candidates' voluntary self-identification answers, for one reader: the fairness module, which turns them into
 * totals. Nothing here checks the caller, so the modularity test allows no other module (and no view) to use it;
 * no page about one candidate ever shows an answer.
 */
@org.springframework.modulith.NamedInterface("self-identification")
package dev.assay.attempt.selfid;
