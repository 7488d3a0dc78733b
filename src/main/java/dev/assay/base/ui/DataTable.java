package dev.assay.base.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A plain HTML table for short, complete lists that are read and printed rather than browsed: every row is
 * in the page (no virtual scrolling), so it prints across pages with its header repeated, and screen readers
 * get a real table. Use a Grid for long lists that page from the database.
 */
public class DataTable<T> extends NativeTable {

    /** Cell alignment: numbers line up at the end. */
    public enum Align { START, END }

    private record Column<T>(String header, Function<T, String> value, Align align) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    public DataTable() {
        addClassName("data-table");
    }

    public DataTable<T> column(String header, Function<T, String> value) {
        return column(header, value, Align.START);
    }

    public DataTable<T> column(String header, Function<T, String> value, Align align) {
        columns.add(new Column<>(header, value, align));
        return this;
    }

    /** Renders the rows; call once the columns are defined. */
    public DataTable<T> rows(List<T> items) {
        removeAll();
        NativeTableRow head = new NativeTableRow();
        for (Column<T> c : columns) {
            NativeTableHeaderCell th = new NativeTableHeaderCell(c.header());
            th.getElement().setAttribute("scope", "col");
            align(th, c.align());
            head.add(th);
        }
        NativeTableBody body = new NativeTableBody();
        for (T item : items) {
            NativeTableRow row = new NativeTableRow();
            for (Column<T> c : columns) {
                String text = c.value().apply(item);
                NativeTableCell td = new NativeTableCell(text == null ? "" : text);
                align(td, c.align());
                row.add(td);
            }
            body.add(row);
        }
        add(new NativeTableHeader(head), body);
        return this;
    }

    private static void align(com.vaadin.flow.component.HasStyle cell, Align align) {
        if (align == Align.END) {
            cell.addClassName("num");
        }
    }
}
