/** Friendly error pages and error handling: no stack trace or framework page ever reaches a browser. */
package dev.assay.base.error;
