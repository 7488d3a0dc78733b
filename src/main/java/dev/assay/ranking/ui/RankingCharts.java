package dev.assay.ranking.ui;

import com.vaadin.flow.component.Component;
import dev.assay.base.ui.Chart;
import dev.assay.ranking.PanelAnalytics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The panel's charts as ECharts options: score distribution, reviewer severities, reliability. Axis names run
 * along their axis inside the chart's margins, so none is cut off; a chart with nothing to show says so.
 */
final class RankingCharts {

    private static final String INK = "#1e1b4b";
    private static final String BRAND = "#4338ca";

    private RankingCharts() {
    }

    /** Histogram of adjusted scores in quarter-level bins from 1 to 5. */
    static Component distribution(List<Double> scores) {
        if (scores.isEmpty()) {
            return Chart.empty("No scores yet: the distribution appears once reviewers submit scorecards.");
        }
        int bins = 16;
        int[] counts = new int[bins];
        for (double s : scores) {
            int b = (int) Math.floor((s - 1) / 0.25);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(Locale.ROOT, "%.2f", 1 + b * 0.25));
            values.add(counts[b]);
        }
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 36, "right", 16, "top", 16, "bottom", 44, "containLabel", true),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", labels, "name", "Adjusted score (bin start)",
                        "nameLocation", "middle", "nameGap", 30),
                "yAxis", yAxis("Candidates", Map.of("minInterval", 1)),
                "series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", BRAND),
                        "barCategoryGap", "10%")));
        Chart chart = new Chart("Histogram of " + scores.size() + " candidates' adjusted scores", option);
        chart.setId("chart-distribution");
        return chart;
    }

    /** Each reviewer's severity with its 95% interval (a box from −1 to +1 SE, whiskers to ±1.96 SE). */
    static Component severities(List<PanelAnalytics.ReviewerStats> reviewers) {
        List<String> names = new ArrayList<>();
        List<List<Double>> boxes = new ArrayList<>();
        List<Double> points = new ArrayList<>();
        for (PanelAnalytics.ReviewerStats r : reviewers) {
            if (r.severity() == null) {
                continue;
            }
            double s = r.severity();
            double se = r.severityError();
            names.add(r.name());
            boxes.add(List.of(s - 1.96 * se, s - se, s, s + se, s + 1.96 * se));
            points.add(round(s));
        }
        if (names.isEmpty()) {
            return Chart.empty("No severities yet: they need reviewers who scored some of the same candidates.");
        }
        // Horizontal: reviewers' names read along their row at any width, however many there are.
        List<List<Double>> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            dots.add(List.of(points.get(i), (double) i));
        }
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 8, "right", 24, "top", 8, "bottom", 44, "containLabel", true),
                "tooltip", Map.of("trigger", "item"),
                "yAxis", namesAxis(names),
                "xAxis", valueAxis("Severity (levels)", Map.of()),
                "series", List.of(
                        Map.of("type", "boxplot", "name", "95% interval", "data", boxes, "boxWidth", List.of(6, 18),
                                "itemStyle", Map.of("color", "#e0e7ff", "borderColor", BRAND)),
                        Map.of("type", "scatter", "name", "Severity", "data", dots, "symbolSize", 10,
                                "itemStyle", Map.of("color", INK),
                                "markLine", Map.of("silent", true, "symbol", "none",
                                        "data", List.of(Map.of("xAxis", 0)), "label", Map.of("show", false),
                                        "lineStyle", Map.of("color", "#94a3b8", "type", "dashed")))));
        Chart chart = new Chart("Reviewer severities with 95% intervals; above zero is harsher than the panel", option);
        chart.setHeight(heightFor(names.size()));
        chart.setId("chart-severity");
        return chart;
    }

    /** Alpha per criterion with its interval, against the .667 and .80 thresholds. */
    static Component reliability(List<PanelAnalytics.CriterionReliability> criteria) {
        List<String> names = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        List<List<Double>> intervals = new ArrayList<>();
        for (PanelAnalytics.CriterionReliability c : criteria) {
            if (c.alpha() == null) {
                continue;
            }
            names.add(c.name());
            String color = switch (c.verdict()) {
                case RELIABLE -> "#16a34a";
                case TENTATIVE -> "#d97706";
                case NOT_RELIABLE -> "#dc2626";
                case TOO_FEW -> "#94a3b8";
            };
            bars.add(Map.of("value", round(c.alpha().estimate()), "itemStyle", Map.of("color", color)));
            double lo = c.alpha().lower();
            double hi = c.alpha().upper();
            intervals.add(List.of(lo, lo, c.alpha().estimate(), hi, hi));
        }
        if (names.isEmpty()) {
            return Chart.empty("No reliability yet: it needs submissions scored by two or more reviewers.");
        }
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 8, "right", 24, "top", 24, "bottom", 44, "containLabel", true),
                "tooltip", Map.of("trigger", "item"),
                "yAxis", namesAxis(names),
                "xAxis", valueAxis("Krippendorff's α", Map.of("min", -0.2, "max", 1)),
                "series", List.of(
                        Map.of("type", "bar", "name", "α", "data", bars, "barWidth", "40%",
                                "markLine", Map.of("silent", true, "symbol", "none", "data", List.of(
                                        // At the top (names run downwards), leaning apart so they never overlap.
                                        Map.of("xAxis", 0.667, "name", "Tentative", "label", Map.of("formatter", ".667 ",
                                                "position", "start", "align", "right")),
                                        Map.of("xAxis", 0.8, "name", "Reliable", "label", Map.of("formatter", " .80",
                                                "position", "start", "align", "left"))),
                                        "lineStyle", Map.of("color", "#64748b", "type", "dashed"))),
                        Map.of("type", "boxplot", "name", "95% interval", "data", intervals, "boxWidth", List.of(2, 14),
                                "itemStyle", Map.of("color", "transparent", "borderColor", INK))));
        Chart chart = new Chart("Reliability per criterion (Krippendorff's alpha) with 95% intervals and the .667 "
                + "and .80 thresholds", option);
        chart.setHeight(heightFor(names.size()));
        chart.setId("chart-reliability");
        return chart;
    }

    /** G for 1–5 reviewers, one line per number of tasks, and Φ for the current number of tasks, dashed. */
    static Component decisionStudy(PanelAnalytics.DecisionStudy d) {
        List<String> reviewers = List.of("1", "2", "3", "4", "5");
        List<Object> series = new ArrayList<>();
        for (int t = 1; t <= d.tasks(); t++) {
            final int tasks = t;
            List<Double> g = d.points().stream().filter(p -> p.tasks() == tasks)
                    .map(p -> p.g() == null ? null : round(p.g())).toList();
            series.add(Map.of("type", "line", "name", "G, " + t + (t == 1 ? " task" : " tasks"), "data", g,
                    "symbolSize", 7, "lineStyle", Map.of("width", t == d.tasks() ? 3 : 1.5)));
        }
        List<Double> phi = d.points().stream().filter(p -> p.tasks() == d.tasks())
                .map(p -> p.phi() == null ? null : round(p.phi())).toList();
        series.add(Map.of("type", "line", "name", "Φ, " + d.tasks() + (d.tasks() == 1 ? " task" : " tasks"),
                "data", phi, "symbolSize", 6, "lineStyle", Map.of("type", "dashed", "color", INK),
                "itemStyle", Map.of("color", INK),
                "markLine", Map.of("silent", true, "symbol", "none", "data", List.of(Map.of("yAxis", 0.8)),
                        "label", Map.of("formatter", ".80"), "lineStyle", Map.of("color", "#9ca3af", "type", "dotted"))));
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 40, "right", 24, "top", 40, "bottom", 44, "containLabel", true),
                "legend", Map.of("top", 0, "type", "scroll"),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", reviewers, "name", "Reviewers per submission",
                        "nameLocation", "middle", "nameGap", 28),
                "yAxis", yAxis("Expected reliability", Map.of("min", 0, "max", 1)),
                "series", series);
        Chart chart = new Chart("Expected G and Φ for 1 to 5 reviewers per submission and 1 to " + d.tasks()
                + " tasks", option);
        chart.setId("chart-decision-study");
        return chart;
    }

    /** A category axis down the left, first name on top, long names wrapped onto a second line. */
    private static Map<String, Object> namesAxis(List<String> names) {
        return Map.of("type", "category", "data", names, "inverse", true, "axisLine", Map.of("onZero", false),
                "axisLabel", Map.of("interval", 0, "width", 120, "overflow", "break", "lineHeight", 14));
    }

    /** A value axis along the bottom, its name centred under it. */
    private static Map<String, Object> valueAxis(String name, Map<String, Object> more) {
        Map<String, Object> axis = new java.util.HashMap<>(more);
        axis.putAll(Map.of("type", "value", "name", name, "nameLocation", "middle", "nameGap", 28));
        return axis;
    }

    /** Room for one row per name, and for the axis below. */
    private static String heightFor(int rows) {
        return String.format(Locale.ROOT, "%.1frem", Math.max(11, 5 + rows * 2.6));
    }

    /** A value axis whose name runs up the axis, in the margin the grid leaves for it. */
    private static Map<String, Object> yAxis(String name, Map<String, Object> more) {
        Map<String, Object> axis = new java.util.HashMap<>(more);
        axis.putAll(Map.of("type", "value", "name", name, "nameLocation", "middle", "nameRotate", 90, "nameGap", 32));
        return axis;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
