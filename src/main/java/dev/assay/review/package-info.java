/** Review panels, reviewer assignments, scorecards and reconciliation. */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package dev.assay.review;
