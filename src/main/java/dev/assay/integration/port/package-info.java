/** The integration module's port for other modules: erasure of what integrations told Assay about a candidate. */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.integration.port;
