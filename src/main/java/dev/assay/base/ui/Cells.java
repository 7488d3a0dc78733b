package dev.assay.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Grid cells that show a main line (text or a link) with a quieter second line under it. */
public final class Cells {

    private Cells() {
    }

    public static Component stack(String primary, String secondary) {
        return stack(new Span(primary), secondary);
    }

    public static <C extends Component & HasStyle> Component stack(C primary, String secondary) {
        primary.addClassName("cell-primary");
        Span second = new Span(secondary);
        second.addClassName("cell-secondary");
        Div cell = new Div(primary, second);
        cell.addClassName("cell-stack");
        return cell;
    }
}
