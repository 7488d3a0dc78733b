package dev.assay.assistant;

import dev.assay.taskbank.TaskContent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the embedding model's load time and live heap, the time to embed one prompt, and the
 * assistant's reply latency with 200 candidates asking at once (each prompt new to the cache, as a candidate's
 * own wording is). Run with {@code ./mvnw -B test -Dtest=AssistantBenchmark}; figures in docs/PERFORMANCE.md.
 */
class AssistantBenchmark {

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** The process's resident memory, in bytes (the model's weights and ONNX Runtime live outside the heap). */
    private static long residentBytes() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    @Test
    void embeddingAndReplyLatency() throws Exception {
        long before = liveHeap();
        long rssBefore = residentBytes();
        long start = System.nanoTime();
        TextEmbedder embedder = new dev.assay.assistant.internal.MiniLmEmbedderForTests();
        embedder.embed("load the model");
        double loadMs = (System.nanoTime() - start) / 1e6;
        long after = liveHeap();
        long rssAfter = residentBytes();
        PlaybookMatcherTest.load();
        TaskContent.Playbook book = PlaybookMatcherTest.PLAYBOOKS.get("da-q2-channel-summary");
        PlaybookMatcher matcher = new PlaybookMatcher(embedder);
        matcher.match(book, "warm the cache with every example and reply", null);

        String[] stems = {"Can you draft the summary for", "What was the growth of", "Please check the figure for",
                "Make the note shorter for", "Which channel did best in", "Write a subject line about"};
        int n = 300;
        double[] embedMs = new double[n];
        for (int i = 0; i < n; i++) {
            String prompt = stems[i % stems.length] + " case " + i + " of the quarter";
            long t = System.nanoTime();
            embedder.embed(prompt);
            embedMs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(embedMs);
        // Process CPU per embedding when prompts arrive one at a time, 50 ms apart (as messages do), which counts
        // any work ONNX Runtime's threads do between inferences.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int spaced = 40;
        long cpu0 = os.getProcessCpuTime();
        long idle0 = System.nanoTime();
        for (int i = 0; i < spaced; i++) {
            embedder.embed("a spaced prompt number " + i + " about the quarter");
            Thread.sleep(50);
        }
        double cpuPerSpaced = (os.getProcessCpuTime() - cpu0) / 1e6 / spaced;
        double wallPerSpaced = (System.nanoTime() - idle0) / 1e6 / spaced;
        System.out.printf(Locale.ROOT, "AssistantBenchmark: one prompt every ~50 ms: process CPU %.1f ms per prompt "
                + "(wall %.1f ms per prompt including the 50 ms pause)%n", cpuPerSpaced, wallPerSpaced);

        int candidates = 200;
        int each = 5;
        double[] paced = run(matcher, book, stems, candidates, each, true);
        double[] burst = run(matcher, book, stems, candidates, each, false);
        System.out.printf(Locale.ROOT, "AssistantBenchmark: model load %.0f ms, live heap +%.1f MB, resident memory "
                + "+%.0f MB; embedding one new prompt median %.2f ms (p95 %.2f) over %d; %d candidates, %d prompts each, "
                + "each waiting 1-3 s before a prompt: reply p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; all %d prompts sent "
                + "at the same instant: p50 %.0f ms, p95 %.0f ms; %d cores%n", loadMs, (after - before) / 1e6,
                (rssAfter - rssBefore) / 1e6, embedMs[n / 2], embedMs[(int) (n * 0.95)], n, candidates, each,
                paced[paced.length / 2], paced[(int) (paced.length * 0.95)], paced[(int) (paced.length * 0.99)],
                candidates * each, burst[burst.length / 2], burst[(int) (burst.length * 0.95)],
                Runtime.getRuntime().availableProcessors());
    }

    private static double[] run(PlaybookMatcher matcher, TaskContent.Playbook book, String[] stems, int candidates,
            int each, boolean paced) throws Exception {
        List<Double> replyMs = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < candidates; c++) {
                int who = c;
                pool.submit(() -> {
                    go.await();
                    java.util.SplittableRandom random = new java.util.SplittableRandom(who);
                    for (int k = 0; k < each; k++) {
                        if (paced) {
                            Thread.sleep(1000 + random.nextInt(2000));
                        }
                        String prompt = stems[(who + k) % stems.length] + (paced ? " asked by " : " candidate ") + who
                                + " turn " + k;
                        long t = System.nanoTime();
                        matcher.match(book, prompt, null);
                        replyMs.add((System.nanoTime() - t) / 1e6);
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        return replyMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
