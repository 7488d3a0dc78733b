package dev.assay.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box above a list: a magnifier, a clear button, and a search a moment after typing pauses. */
public final class SearchBox {

    private SearchBox() {
    }

    /** @param placeholder what can be searched, e.g. "Search by name or email" (also its accessible name) */
    public static TextField create(String id, String placeholder) {
        TextField search = new TextField();
        search.setId(id);
        search.setPlaceholder(placeholder);
        search.setAriaLabel(placeholder);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.setMaxWidth("100%");
        return search;
    }
}
