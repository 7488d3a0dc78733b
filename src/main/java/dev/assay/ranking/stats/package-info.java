/**
 * The statistics behind Assay's rankings, in plain Java: no Spring, no database, no I/O. Each class is a
 * small pure function of its input, documented with its formula and source; {@code docs/scoring.md}
 * explains the methods as a whole.
 *
 * <ul>
 *   <li>{@link dev.assay.ranking.stats.Icc}: intraclass correlations (Shrout &amp; Fleiss 1979, McGraw &amp;
 *       Wong 1996) with 95% confidence intervals.</li>
 *   <li>{@link dev.assay.ranking.stats.KrippendorffAlpha}: Krippendorff's alpha for nominal, ordinal and
 *       interval data, with missing ratings, and a unit bootstrap interval.</li>
 * </ul>
 * Precision, recall and F1 of a candidate's flags against planted flaws are computed once, by the review
 * module's {@code FlagCheck}, which both the scoring sheet and the rank card use.
 *
 * <p>{@link dev.assay.ranking.stats.GeneralizabilityStudy} splits the panel's score variance into its sources
 * (generalizability theory) and projects G and Φ for other numbers of reviewers and tasks;
 * {@link dev.assay.ranking.stats.ManyFacetRasch} fits the rating-scale many-facet Rasch model (JMLE) with reviewer
 * fit statistics and fair averages.
 *
 * <p>{@link dev.assay.ranking.stats.AdverseImpact}, {@link dev.assay.ranking.stats.ContingencyTests} and
 * {@link dev.assay.ranking.stats.StandardisedDifference} serve the fairness module's adverse-impact monitor
 * ({@code docs/fairness.md}).
 */
@org.springframework.modulith.NamedInterface("stats")
package dev.assay.ranking.stats;
