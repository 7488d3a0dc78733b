/**
 * Demo data for the embedded default setup ({@code assay.demo-data.enabled=true}): staff accounts, the
 * starter library with an open assessment, candidates who sit it through the real candidate flow, and a
 * reviewed round. Depends on every module through their published interfaces; nothing depends on it, so a
 * production build could leave it out. It runs once at start-up, before any request, as the people who would
 * do the same work (a recruiter inviting, reviewers scoring).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.assay.demo;
