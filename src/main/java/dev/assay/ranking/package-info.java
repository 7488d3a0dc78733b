/**
 * Rankings and panel analytics: severity-adjusted candidate scores with their uncertainty, score bands,
 * reliability. The statistics themselves live in {@code ranking.stats}, plain Java with no framework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ranking")
package dev.assay.ranking;
