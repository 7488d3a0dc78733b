/**
 * The assistant of AI-collaboration tasks: matches a candidate's prompt to the task's playbook by sentence
 * embeddings computed in-process (all-MiniLM-L6-v2), and gives reviewers' evidence the same embeddings.
 * Nobody calls it directly: the attempt module asks it for a candidate who holds the attempt's link, and the
 * review module uses its text comparison for evidence on work a reviewer is assigned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant", allowedDependencies = {"taskbank"})
package dev.assay.assistant;
