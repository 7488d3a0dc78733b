/**
 * Privacy: a candidate's rights over their data, for administrators. Subject access (everything Assay holds about
 * one candidate, found by email, as one file) and erasure (names, emails and everything the candidate or anyone
 * wrote about them removed; scores, decisions' outcomes and codes kept, so statistics and the audit chain stay
 * whole). It reaches every module through its port, from a service only admins may call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy",
        allowedDependencies = {"base", "base :: ui", "audit :: port", "audit", "invitation", "invitation :: port", "taskbank :: port",
                "attempt :: port", "review :: port", "decision :: port", "integration :: port"})
package dev.assay.privacy;
