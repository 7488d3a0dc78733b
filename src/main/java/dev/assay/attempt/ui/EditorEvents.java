package dev.assay.attempt.ui;

import java.util.Map;

/** What an answer editor tells the page: an edit to save, and fields whose answer paths moved. */
interface EditorEvents {

    void changed();

    /**
     * Answer paths moved because the structure changed (a step went up or down, or was removed): old path
     * prefix to new prefix, or to null for removed fields. The page moves the text it keeps for them.
     */
    void moved(Map<String, String> prefixes);
}
