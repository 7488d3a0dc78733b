/**
 * How every other module writes to the audit log, from its services and sign-in handling. Not for views:
 * the modularity test forbids views to use a port.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.audit.port;
