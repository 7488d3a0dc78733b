/** The decision module's port for subject access and erasure (privacy). Not for views. */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.decision.port;
