package dev.assay.base.ui;

import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/**
 * The "more actions" menu at the end of a grid row: an icon button named for screen readers ("Actions for
 * Ada Okafor") with the same words as a tooltip, whose items the caller adds.
 */
public final class RowMenu {

    private final MenuBar bar = new MenuBar();
    private final SubMenu items;

    public RowMenu(String forWhom) {
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var more = bar.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        String name = "Actions for " + forWhom;
        more.setAriaLabel(name);
        bar.setTooltipText(more, name);
        items = more.getSubMenu();
    }

    public MenuBar bar() {
        return bar;
    }

    public SubMenu items() {
        return items;
    }
}
