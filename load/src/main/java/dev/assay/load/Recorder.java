package dev.assay.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Every timed request of a run, and every error, with the moment it ended (so a report can cut windows). */
final class Recorder {

    record Sample(long endedMillis, String kind, long nanos) {
    }

    record Failure(long atMillis, String kind, String detail) {
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void ok(String kind, long nanos) {
        samples.add(new Sample(System.currentTimeMillis(), kind, nanos));
    }

    void failed(String kind, String detail) {
        failures.add(new Failure(System.currentTimeMillis(), kind, detail));
    }

    void count(String counter) {
        counters.computeIfAbsent(counter, k -> new LongAdder()).increment();
    }

    long counter(String counter) {
        LongAdder a = counters.get(counter);
        return a == null ? 0 : a.sum();
    }

    List<Sample> samples(long fromMillis, long toMillis) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            if (s.endedMillis() >= fromMillis && s.endedMillis() < toMillis) {
                out.add(s);
            }
        }
        return out;
    }

    List<Failure> failures(long fromMillis, long toMillis) {
        List<Failure> out = new ArrayList<>();
        for (Failure f : failures) {
            if (f.atMillis() >= fromMillis && f.atMillis() < toMillis) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first few failures of each kind, one per line (time, kind, detail), for the report folder. */
    String failureSamples(int perKind) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        StringBuilder b = new StringBuilder();
        for (Failure f : failures) {
            if (seen.merge(f.kind(), 1, Integer::sum) <= perKind) {
                b.append(java.time.Instant.ofEpochMilli(f.atMillis())).append(' ').append(f.kind()).append(' ')
                        .append(f.detail() == null ? "" : f.detail().replace('\n', ' ')).append('\n');
            }
        }
        return b.toString();
    }

    /** Failures by kind, most frequent first ("kind ×n, …"), or "none". */
    String failureSummary() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        for (Failure f : failures) {
            byKind.merge(f.kind(), 1L, Long::sum);
        }
        return byKind.isEmpty() ? "none" : byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }
}
