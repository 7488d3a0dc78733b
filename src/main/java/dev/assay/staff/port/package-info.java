/**
 * What review reads of staff accounts, from its services once they have decided who may act. Not for
 * views: nothing here checks the caller, and the modularity test forbids views to use it.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.staff.port;
