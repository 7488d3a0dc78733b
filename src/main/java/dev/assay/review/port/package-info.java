/**
 * What ranking reads of the review: the submitted scores of an assessment and, once a recruiter has closed
 * the review, who the candidates are. Called by ranking's services and its snapshot job, which decide who
 * may see the result. Not for views: nothing here checks the caller, and the modularity test forbids views
 * to use it.
 */
@org.springframework.modulith.NamedInterface("port")
package dev.assay.review.port;
