package dev.assay.assistant;

/** Sentence embeddings: texts close in meaning get vectors with a high cosine similarity. */
public interface TextEmbedder {

    /** The text's embedding (384 numbers for all-MiniLM-L6-v2). */
    float[] embed(String text);

    /** Cosine similarity of two embeddings, from −1 to 1 (0 when either is all zeros). */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
