/** The main layout and shared view building blocks that every module's views may use. */
@org.springframework.modulith.NamedInterface("ui")
package dev.assay.base.ui;
