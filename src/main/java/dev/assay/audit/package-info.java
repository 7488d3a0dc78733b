/**
 * The append-only, tamper-evident audit log: who did what, when and why. Each entry carries the hash of
 * the one before it, so changing or deleting a stored entry breaks the chain. Public:
 * {@link dev.assay.audit.AuditLog} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"base", "base :: ui"})
package dev.assay.audit;
