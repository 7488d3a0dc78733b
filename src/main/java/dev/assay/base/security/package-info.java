/** Security configuration of the web layer. Internal to the base module. */
package dev.assay.base.security;
