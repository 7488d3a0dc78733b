/**
 * Decisions: what a person decided about a candidate of an assessment (advance, hold, decline) and why, with the
 * history of changes. Assay ranks and explains; only a recruiter decides, one candidate or a selection at a time,
 * and nothing here is ever decided automatically. Decisions are what "selected" means in fairness analysis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions",
        allowedDependencies = {"base", "audit", "audit :: port", "review :: port"})
package dev.assay.decision;
