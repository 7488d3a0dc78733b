package dev.assay.taskbank.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.assay.taskbank.Problem;
import java.util.List;

/** A callout listing what still needs doing, each item with where it is. Hidden when there is nothing. */
public class ProblemList extends Div {

    private final Span title = new Span();
    private final UnorderedList items = new UnorderedList();
    private final boolean friendlyPaths;

    /** A list for an editor: paths such as {@code flaws[1].segments} read as "Flaw 2 · segments". */
    public ProblemList() {
        this(true);
    }

    /** @param friendlyPaths false to show paths exactly as in a file, e.g. for import errors */
    public ProblemList(boolean friendlyPaths) {
        this.friendlyPaths = friendlyPaths;
        addClassName("problem-list");
        getElement().setAttribute("role", "status");
        Div head = new Div(VaadinIcon.WARNING.create(), title);
        head.addClassName("problem-list-head");
        add(head, items);
        setVisible(false);
    }

    public void show(String heading, List<Problem> problems) {
        items.removeAll();
        setVisible(!problems.isEmpty());
        title.setText(heading);
        for (Problem p : problems) {
            ListItem item = new ListItem();
            // An assessment's slot problems name their slot in the message itself ("Slot 2 picks 2 but …").
            boolean named = friendlyPaths && p.path().startsWith("slots");
            if (!p.path().isEmpty() && !named) {
                Span where = new Span(friendlyPaths ? friendly(p.path()) : p.path());
                where.addClassName("problem-path");
                item.add(where);
            }
            item.add(new Span(p.message()));
            items.add(item);
        }
    }

    static String friendly(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.replaceAll("levels\\.(\\d)", "level $1").split("\\.")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+)\\[(\\d+)]").matcher(part);
            String text = m.matches()
                    ? singular(m.group(1)) + " " + (Integer.parseInt(m.group(2)) + 1)
                    : part.replace('-', ' ');
            if (!out.isEmpty()) {
                out.append(" · ");
            }
            out.append(Character.toUpperCase(text.charAt(0))).append(text.substring(1));
        }
        return out.toString();
    }

    private static String singular(String name) {
        String words = name.replace('-', ' ');
        if (words.equals("criteria")) {
            return "criterion";
        }
        return words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
    }

    public void clear() {
        show("", List.of());
    }
}
