/**
 * What review and ranking read of submitted attempts, from their services once those have decided who may
 * see it (review: the reviewer assigned to the submission; ranking: a recruiter). Not for views: nothing here
 * checks the caller, and the modularity test forbids views to use it.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.attempt.port;
