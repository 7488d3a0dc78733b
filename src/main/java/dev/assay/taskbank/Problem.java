package dev.assay.taskbank;

/** One thing wrong with a piece of content, with where it is (e.g. {@code tasks[3].flaws[1].segments}). */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
