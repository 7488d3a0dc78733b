/** Staff accounts' persistence, sign-in and throttling. Internal to the staff module. */
package dev.assay.staff.internal;
