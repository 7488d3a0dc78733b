package dev.assay.taskbank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects every problem found while checking content, so people see all of them at once. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    public void addAll(Collection<Problem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link TaskBankException} listing everything found, if anything was. */
    public void throwIfAny(String summary) {
        if (!found.isEmpty()) {
            throw new TaskBankException(summary, list());
        }
    }
}
