/** Review panels, reviewer assignments, scorecards and reconciliation. */
@org.springframework.modulith.ApplicationModule(displayName = "Review",
        allowedDependencies = {
                "base", "base :: ui", "audit", "audit :: port", "staff", "staff :: port", "taskbank", "taskbank :: port",
                "taskbank :: brief", "invitation", "invitation :: port", "attempt", "attempt :: port", "assistant"})
package dev.assay.review;
