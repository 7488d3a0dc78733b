package dev.assay.taskbank.port;

import dev.assay.taskbank.TaskVersionView;

/** Exact task versions, as candidates were served them and reviewers score them. */
public interface TaskVersions {

    TaskVersionView version(long versionId);
}
