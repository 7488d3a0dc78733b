package dev.assay.assistant.internal;

import dev.assay.assistant.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, shipped in the LangChain4j artifact) run in-process, loaded on first use.
 * Embeddings of texts seen before (a playbook's example prompts, which every candidate of a task version
 * shares) come from a bounded cache; texts are keyed by their content, so the cache is the same on every node.
 *
 * <p>The ONNX Runtime session is made here rather than by LangChain4j's ready-made model class, to run each
 * inference on the calling thread without spinning: by default ONNX Runtime's worker threads busy-wait after every
 * inference, which cost about 21 ms of CPU per prompt for a 1.5 ms embedding when prompts came one at a time
 * (AssistantBenchmark). Concurrency comes from concurrent requests instead.
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
                    m = load();
                    m.embed("warm up");
                    model = m;
                    log.info("Loaded the assistant's embedding model (all-MiniLM-L6-v2, quantized) in {} ms",
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    private static EmbeddingModel load() {
        try (InputStream model = resource("/all-minilm-l6-v2-q.onnx");
                InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            return new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return 384;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("The assistant's embedding model could not be loaded", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

}
