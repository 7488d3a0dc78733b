/**
 * What the modules after the task bank (invitations, attempts, review, ranking) read from it, called by
 * their services once those have decided who may act. Not for views: no method here checks the caller, so
 * the modularity test forbids any view to use them; people reach the task bank through its services.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.taskbank.port;
