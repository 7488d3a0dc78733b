package dev.assay.base.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/**
 * Multi-selects that show every chosen item: the field grows to show all chips instead of hiding some behind
 * a "+1" badge, and chosen items come first in the list.
 */
public final class Choices {

    private Choices() {
    }

    public static <T> MultiSelectComboBox<T> multi(String label) {
        MultiSelectComboBox<T> box = new MultiSelectComboBox<>(label);
        box.setAutoExpand(MultiSelectComboBox.AutoExpandMode.BOTH);
        box.setSelectedItemsOnTop(true);
        return box;
    }
}
