package dev.assay.taskbank;

/** What an import changed. Importing the same file again reports nothing added. */
public record ImportReport(int rolesAdded, int rolesUpdated, int rubricVersionsAdded, int tasksAdded,
        int taskVersionsAdded, int versionsUnchanged) {

    public boolean changedNothing() {
        return rolesAdded + rolesUpdated + rubricVersionsAdded + tasksAdded + taskVersionsAdded == 0;
    }

    public String summary() {
        if (changedNothing()) {
            return "Everything in the file is already installed; nothing changed.";
        }
        return String.format("%d roles added, %d updated, %d rubric versions added, %d tasks added with %d new "
                + "versions; %d versions were already installed.", rolesAdded, rolesUpdated, rubricVersionsAdded,
                tasksAdded, taskVersionsAdded, versionsUnchanged);
    }
}
