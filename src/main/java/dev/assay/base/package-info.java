/**
 * Shared foundation: the main layout and navigation, security configuration, error pages and the few
 * value types every module may use. Depends on no other Assay module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base",
        allowedDependencies = {})
package dev.assay.base;
