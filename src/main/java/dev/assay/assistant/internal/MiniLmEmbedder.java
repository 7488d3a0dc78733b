package dev.assay.assistant.internal;

import dev.assay.assistant.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, shipped in the LangChain4j artifact) run in-process, loaded on first use.
 * Embeddings of texts seen before (a playbook's example prompts, which every candidate of a task version
 * shares) come from a bounded cache; texts are keyed by their content, so the cache is the same on every node.
 */
@Component
class MiniLmEmbedder implements TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final int CACHE_ENTRIES = 8_192;
    /** Texts longer than this are cut for embedding only (the model reads about 256 word pieces anyway). */
    private static final int MAX_CHARS = 2_000;

    private volatile EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    @Override
    public float[] embed(String text) {
        String key = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        synchronized (cache) {
            float[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        float[] vector = model().embed(key).content().vector();
        synchronized (cache) {
            cache.put(key, vector);
        }
        return vector;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    m.embed("warm up");
                    model = m;
                    log.info("Loaded the assistant's embedding model (all-MiniLM-L6-v2, quantized) in {} ms",
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

}
