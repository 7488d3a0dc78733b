package dev.assay.fairness.ui;

import com.vaadin.flow.component.Component;
import dev.assay.base.ui.Chart;
import dev.assay.fairness.FairnessReport;
import dev.assay.ranking.stats.AdverseImpact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Impact ratios as horizontal bars, selection and scoring side by side, against the four-fifths line. */
final class FairnessCharts {

    private static final String SELECTION = "#4338ca";
    private static final String SCORING = "#0891b2";
    private static final String BELOW = "#dc2626";

    private FairnessCharts() {
    }

    static Component impactRatios(FairnessReport.Characteristic c) {
        Map<String, Double> selection = ratios(c.selection());
        Map<String, Double> scoring = ratios(c.scoring());
        Set<String> groups = new LinkedHashSet<>();
        c.selection().rows().stream().map(AdverseImpact.Row::label).filter(selection::containsKey).forEach(groups::add);
        c.scoring().rows().stream().map(AdverseImpact.Row::label).filter(scoring::containsKey).forEach(groups::add);
        if (groups.isEmpty()) {
            return Chart.empty("No impact ratios for " + c.name().toLowerCase(Locale.ROOT)
                    + " yet: they need two groups of at least the minimum size.");
        }
        List<String> names = new ArrayList<>(groups);
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 8, "right", 24, "top", 36, "bottom", 44, "containLabel", true),
                "legend", Map.of("top", 0, "data", List.of("Selection", "Scoring")),
                "tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true,
                        "axisLabel", Map.of("interval", 0, "width", 150, "overflow", "break", "lineHeight", 14)),
                "xAxis", Map.of("type", "value", "name", "Impact ratio (1 = the highest group's rate)",
                        "nameLocation", "middle", "nameGap", 28, "min", 0, "max", 1.2),
                "series", List.of(series("Selection", SELECTION, names, selection, true),
                        series("Scoring", SCORING, names, scoring, false)));
        Chart chart = new Chart("Impact ratios by " + c.name().toLowerCase(Locale.ROOT)
                + " for selection and scoring, with the four-fifths line at 0.8", option);
        chart.setHeight(String.format(Locale.ROOT, "%.1frem", Math.max(12, 6 + names.size() * 3.2)));
        chart.setId("chart-impact-" + c.key());
        return chart;
    }

    private static Map<String, Object> series(String name, String color, List<String> names, Map<String, Double> ratios,
            boolean line) {
        List<Object> data = new ArrayList<>();
        for (String g : names) {
            Double r = ratios.get(g);
            data.add(r == null ? "-" : Map.of("value", Math.round(r * 1000) / 1000.0,
                    "itemStyle", Map.of("color", r < AdverseImpact.FOUR_FIFTHS ? BELOW : color)));
        }
        Map<String, Object> s = new HashMap<>(Map.of("type", "bar", "name", name, "data", data, "barGap", "15%",
                "itemStyle", Map.of("color", color)));
        if (line) {
            s.put("markLine", Map.of("silent", true, "symbol", "none", "data", List.of(Map.of("xAxis", 0.8,
                    "label", Map.of("formatter", "4/5", "position", "start"))),
                    "lineStyle", Map.of("color", "#64748b", "type", "dashed")));
        }
        return s;
    }

    private static Map<String, Double> ratios(AdverseImpact.Table t) {
        Map<String, Double> out = new HashMap<>();
        t.rows().stream().filter(r -> r.impactRatio() != null).forEach(r -> out.put(r.label(), r.impactRatio()));
        return out;
    }
}
