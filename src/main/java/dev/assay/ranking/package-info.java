/**
 * Rankings and panel analytics: severity-adjusted candidate scores with their uncertainty, score bands,
 * reliability. The statistics themselves live in {@code ranking.stats}, plain Java with no framework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ranking",
        allowedDependencies = {
                "base", "base :: ui", "taskbank", "taskbank :: port", "attempt", "attempt :: port", "review",
                "review :: port", "assistant", "decision", "decision :: port", "invitation"})
package dev.assay.ranking;
