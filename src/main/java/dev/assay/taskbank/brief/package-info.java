/** How a task is shown to candidates; the attempt module renders tasks with it, the editor previews with it. */
@org.springframework.modulith.NamedInterface("brief")
package dev.assay.taskbank.brief;
