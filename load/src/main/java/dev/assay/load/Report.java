package dev.assay.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run's report: a Markdown table per step, the totals, the lost-text check, and an SVG chart. */
final class Report {

    /** Latency percentiles in milliseconds of one kind of request; NaN-free (count 0 prints as "–"). */
    record Latency(int count, double p50, double p95, double p99) {
        static Latency of(List<Recorder.Sample> samples, String kind) {
            long[] n = samples.stream().filter(s -> s.kind().equals(kind)).mapToLong(Recorder.Sample::nanos)
                    .sorted().toArray();
            if (n.length == 0) {
                return new Latency(0, 0, 0, 0);
            }
            return new Latency(n.length, at(n, 0.50), at(n, 0.95), at(n, 0.99));
        }

        private static double at(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        String cell(boolean all) {
            if (count == 0) {
                return "–";
            }
            return all ? String.format(Locale.ROOT, "%s / %s / %s", ms(p50), ms(p95), ms(p99)) : ms(p95);
        }
    }

    record StepResult(LoadRun.Step step, long active, int requests, double seconds, Latency save, Latency tick,
            Latency open, Latency start, Latency move, Map<String, Long> failures, double appCpu,
            double dbCpu, double driverCpu, long heapKb, long heapBaseKb) {

        static StepResult of(LoadRun.Step step, long active, Recorder rec, double appCpu, double dbCpu,
                double driverCpu, long heapKb, long heapBaseKb) {
            List<Recorder.Sample> hold = rec.samples(step.fromMillis(), step.toMillis());
            List<Recorder.Sample> whole = rec.samples(step.rampFromMillis(), step.toMillis());
            Map<String, Long> failures = rec.failures(step.rampFromMillis(), step.toMillis()).stream()
                    .collect(Collectors.groupingBy(Recorder.Failure::kind, TreeMap::new, Collectors.counting()));
            return new StepResult(step, active, hold.size(), (step.toMillis() - step.fromMillis()) / 1000.0,
                    Latency.of(hold, "save"), Latency.of(hold, "tick"),
                    Latency.of(whole, "open"), Latency.of(whole, "start"), Latency.of(hold, "move"), failures,
                    appCpu, dbCpu, driverCpu, heapKb, heapBaseKb);
        }

        StepResult withHeap(long heap, long base) {
            return new StepResult(step, active, requests, seconds, save, tick, open, start, move, failures,
                    appCpu, dbCpu, driverCpu, heap, base);
        }

        String heapPerUi() {
            return heapKb < 0 || heapBaseKb < 0 || active == 0 ? "–"
                    : String.format(Locale.ROOT, "%.0f", (heapKb - heapBaseKb) / (double) active);
        }

        String cpuPerRequest() {
            return appCpu < 0 || requests == 0 ? "–" : String.format(Locale.ROOT, "%.2f", appCpu * 1000 / requests);
        }

        String summary() {
            return String.format(Locale.ROOT, "%d users (%d active): %.0f req/s, save p50/p95/p99 %s ms, tick p95 %s,"
                    + " start p95 %s, failures %s, app %.2f cores (%s ms/request), db %.2f, driver %.2f, heap %s KB/UI",
                    step.users(), active, requests / seconds, save.cell(true), tick.cell(false), start.cell(false),
                    failures, appCpu / seconds, cpuPerRequest(), dbCpu / seconds, driverCpu / seconds, heapPerUi());
        }
    }

    private final LoadRun.Options options;
    private final List<StepResult> steps;
    private final Recorder rec;
    private final List<Candidate> candidates;
    private final Map<Integer, Integer> lost;
    private final String commit;
    private final int scorecards;
    private final Instant at = Instant.now();

    /** Staff pages and actions, in the order the report lists them. */
    private static final String[] STAFF_KINDS = {"sign-in", "board", "ranking", "csv", "rank-card", "queue", "sheet",
            "score-fields", "draft", "submit-scorecard"};

    Report(LoadRun.Options options, List<StepResult> steps, Recorder rec, List<Candidate> candidates,
            Map<Integer, Integer> lost, String commit, int scorecards) {
        this.scorecards = scorecards;
        this.options = options;
        this.steps = steps;
        this.rec = rec;
        this.candidates = candidates;
        this.lost = lost;
        this.commit = commit;
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ramp.svg"), svg());
        Path md = dir.resolve("report.md");
        Files.writeString(md, markdown());
        return md;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Load ramp ").append(options.label()).append("\n\n");
        b.append("- commit ").append(commit).append(", finished ").append(at).append("\n");
        b.append("- steps ").append(Arrays.toString(options.steps())).append(" candidates; each step added over ")
                .append(options.rampSeconds()).append(" s and held ").append(options.holdSeconds())
                .append(" s; a save every ").append(options.typingSeconds()).append(" s on average (±50%), the page's tick (signals and check) every ")
                .append(options.pollSeconds()).append(" s, a task change every ")
                .append(options.moveSeconds()).append(" s").append(options.submit() ? "; everyone submits at the end"
                        : "").append("\n");
        if (options.warmup() > 0) {
            b.append("- before the first step, ").append(options.warmup()).append(" other candidates started, typed ")
                    .append("for a minute and submitted (JIT warm-up; not in these figures)\n");
        }
        b.append("- latencies in ms, measured by the driver from request sent to response read, during each hold\n\n");
        b.append("| candidates (active) | requests/s | save p50 / p95 / p99 | tick p95 | task change p95 "
                + "| open p95 | start p95 | failures | app CPU (cores) | app CPU ms per request | MariaDB CPU | driver CPU "
                + "| live heap MB | KB per UI |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (StepResult s : steps) {
            b.append(String.format(Locale.ROOT, "| %d (%d) | %.0f | %s | %s | %s | %s | %s | %s | %.2f | %s | %.2f | %.2f "
                            + "| %s | %s |\n", s.step().users(), s.active(), s.requests() / s.seconds(), s.save().cell(true),
                    s.tick().cell(false), s.move().cell(false), s.open().cell(false),
                    s.start().cell(false), s.failures().isEmpty() ? "0" : s.failures().toString(), s.appCpu() / s.seconds(),
                    s.cpuPerRequest(), s.dbCpu() / s.seconds(), s.driverCpu() / s.seconds(),
                    s.heapKb() < 0 ? "–" : String.valueOf(s.heapKb() / 1024), s.heapPerUi()));
        }
        long started = candidates.stream().filter(c -> c.started).count();
        long submitted = candidates.stream().filter(c -> c.submitted).count();
        long verified = candidates.stream().mapToLong(c -> c.acknowledged.values().stream().mapToLong(Map::size).sum())
                .sum();
        long lostTexts = lost.values().stream().mapToLong(Integer::longValue).sum();
        long extraClicks = candidates.stream().filter(c -> c.started).mapToLong(c -> c.startClicks - 1L).sum();
        b.append("\n## Totals\n\n");
        b.append("- started ").append(started).append(" of ").append(candidates.size()).append("; start conflicts (a ")
                .append("click on Start that did not start) ").append(rec.counter("start-conflict"))
                .append(", extra clicks needed ").append(extraClicks).append(", refused after 10 clicks ")
                .append(rec.counter("start-refused")).append("\n");
        b.append("- pages reopened after a failed request ").append(rec.counter("reopened"))
                .append(", candidates who gave up after 5 reopenings ").append(rec.counter("abandoned")).append("\n");
        if (options.submit()) {
            b.append("- submitted ").append(submitted).append("; submits that failed ").append(rec.counter("submit-failed"))
                    .append("\n");
        }
        b.append("- **lost: ").append(lostTexts).append(" of ").append(verified)
                .append(" acknowledged texts** not found in the database afterwards (")
                .append(lost.size()).append(" candidates)\n");
        if (options.recruiters() + options.reviewers() > 0) {
            b.append("\n## Staff alongside the candidates\n\n");
            b.append("- ").append(options.recruiters()).append(" recruiters (board, ranking and its CSV, a rank card) and ")
                    .append(options.reviewers()).append(" reviewers (queue, a review: levels, comment, draft, submit), ")
                    .append("one page or action every ").append(options.thinkSeconds())
                    .append(" s on average, from the first step to the end; ").append(scorecards)
                    .append(" scorecards submitted\n\n");
            b.append("| page or action | count | p50 / p95 / p99 ms |\n| --- | --- | --- |\n");
            List<Recorder.Sample> all = rec.samples(0, Long.MAX_VALUE);
            for (String kind : STAFF_KINDS) {
                long count = all.stream().filter(x -> x.kind().equals(kind)).count();
                if (count > 0) {
                    b.append("| ").append(kind).append(" | ").append(count).append(" | ")
                            .append(Latency.of(all, kind).cell(true)).append(" |\n");
                }
            }
        }
        if (options.chatters() > 0) {
            List<Recorder.Sample> all = rec.samples(0, Long.MAX_VALUE);
            b.append("\n## Candidates working with the assistant\n\n");
            b.append("- the first ").append(options.chatters()).append(" candidates moved to the task with an assistant, ")
                    .append("stayed there typing as the others do, and sent it a message every ")
                    .append(options.chatSeconds()).append(" s on average (±50%); ")
                    .append(all.stream().filter(x -> x.kind().equals("assistant")).count())
                    .append(" messages answered, latency p50 / p95 / p99 ").append(Latency.of(all, "assistant").cell(true))
                    .append(" ms (the message sent and the reply shown, one request)\n");
        }
        List<Recorder.Failure> failures = rec.failures(0, Long.MAX_VALUE);
        if (!failures.isEmpty()) {
            b.append("\n## First failures\n\n");
            failures.stream().limit(10).forEach(f -> b.append("- ").append(Instant.ofEpochMilli(f.atMillis()))
                    .append(" ").append(f.kind()).append(": ").append(oneLine(f.detail())).append("\n"));
        }
        return b.toString();
    }

    /** Concurrent candidates against save latency (p50, p95, p99), on a log scale. */
    String svg() {
        int w = 720;
        int h = 420;
        int left = 70;
        int right = 150;
        int top = 40;
        int bottom = 60;
        double maxUsers = steps.stream().mapToInt(s -> s.step().users()).max().orElse(1);
        double minUsers = steps.size() < 2 ? 0 : steps.stream().mapToInt(s -> s.step().users()).min().orElse(0);
        double maxMs = Math.max(10, steps.stream().mapToDouble(s -> s.save().p99()).max().orElse(10));
        double lo = Math.log10(1);
        double hi = Math.ceil(Math.log10(maxMs));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='sans-serif' font-size='12'>\n<rect width='100%%' height='100%%' fill='white'/>\n", w, h));
        b.append(String.format(Locale.ROOT, "<text x='%d' y='22' font-size='14' font-weight='bold'>Save latency by "
                + "concurrent candidates (%s)</text>\n", left, escape(commit)));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        for (int d = (int) lo; d <= hi; d++) {
            double y = top + plotH - (d - lo) / (hi - lo) * plotH;
            b.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#ddd'/>"
                    + "<text x='%d' y='%.1f' text-anchor='end'>%s ms</text>\n", left, left + plotW, y, y, left - 6, y + 4,
                    fmt(Math.pow(10, d))));
        }
        for (StepResult s : steps) {
            double x = left + 20 + (s.step().users() - minUsers) / (maxUsers - minUsers) * (plotW - 40);
            b.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#eee'/>"
                    + "<text x='%.1f' y='%d' text-anchor='middle'>%d</text>\n", x, x, top, top + plotH, x,
                    top + plotH + 18, s.step().users()));
        }
        b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>concurrent candidates</text>\n",
                left + plotW / 2, h - 14));
        String[] colours = {"#2b6cb0", "#dd6b20", "#c53030"};
        String[] names = {"p50", "p95", "p99"};
        for (int k = 0; k < 3; k++) {
            List<String> points = new ArrayList<>();
            for (StepResult s : steps) {
                double v = k == 0 ? s.save().p50() : k == 1 ? s.save().p95() : s.save().p99();
                if (s.save().count() == 0) {
                    continue;
                }
                double x = left + 20 + (s.step().users() - minUsers) / (maxUsers - minUsers) * (plotW - 40);
                double y = top + plotH - (Math.log10(Math.max(1, v)) - lo) / (hi - lo) * plotH;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            b.append("<polyline fill='none' stroke-width='2' stroke='").append(colours[k]).append("' points='")
                    .append(String.join(" ", points)).append("'/>\n");
            b.append(String.format(Locale.ROOT, "<text x='%d' y='%d' fill='%s'>save %s</text>\n", left + plotW + 12,
                    top + 20 + k * 18, colours[k], names[k]));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.valueOf(v);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").replace("|", "\\|");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
