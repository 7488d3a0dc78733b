/**
 * Oversight: for administrators, the human steps behind each assessment (who closed the review, who recorded its
 * decisions and when), and the audit log exported for a period. Reads other modules through their ports only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight",
        allowedDependencies = {"base", "base :: ui", "audit", "taskbank", "taskbank :: port", "review :: port",
                "decision :: port"})
package dev.assay.oversight;
