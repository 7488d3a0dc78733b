/** Log output: the message and stack-trace converters that keep candidates' link tokens out of logs. */
package dev.assay.base.logging;
