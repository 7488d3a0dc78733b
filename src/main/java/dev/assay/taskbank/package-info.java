/** Job roles, rubrics, tasks and their immutable versions, assessments, import and export. */
@org.springframework.modulith.ApplicationModule(displayName = "Task bank",
        allowedDependencies = {"base", "base :: ui"})
package dev.assay.taskbank;
