package dev.assay.attempt.ui;

import com.vaadin.flow.component.Component;
import dev.assay.attempt.Answer;

/** An editor for one task's answer; it reports every change so the page can save it. */
interface AnswerEditor {

    Component component();

    Answer value();

    /** Whether some text is over its limit, so the answer cannot be saved as it is. */
    boolean oversize();

    void setReadOnly(boolean readOnly);
}
