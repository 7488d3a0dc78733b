package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import dev.assay.taskbank.TaskContent;

/** The part of the task editor that belongs to one task kind. */
interface KindSection {

    Component component();

    void load(TaskContent content);

    /** The given common fields plus this kind's section. */
    TaskContent apply(TaskContent common);

    /** Something to show under the candidate preview (the working assistant of an AI-collaboration task), or null. */
    default Component previewExtra() {
        return null;
    }
}
