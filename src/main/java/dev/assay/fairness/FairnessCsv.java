package dev.assay.fairness;

import dev.assay.base.CsvText;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.StandardisedDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The adverse-impact report as one CSV: a row per group and outcome (selection, scoring) with its counts, rate,
 * impact ratio, four-fifths flag and tests, a row per characteristic for the people whose answer is unknown,
 * then a row per group and measure with the standardised mean difference. Rates and ratios are fractions
 * (0.5, not 50%); empty cells are figures not given (see the standing column). Small groups' favourable counts
 * are left out as on the page.
 */
public final class FairnessCsv {

    private FairnessCsv() {
    }

    public static String write(FairnessReport report) {
        CsvText out = new CsvText();
        out.row(List.of("Table", "Characteristic", "Group", "Standing", "People", "Favourable", "Rate",
                "Impact ratio", "Below four-fifths", "Fisher exact p", "z", "z test p", "Reference", "Measure",
                "Standardised mean difference (d)", "d 95% lower", "d 95% upper", "Reference people"));
        for (FairnessReport.Characteristic c : report.characteristics()) {
            table(out, "Selection (advanced of decided)", c.name(), c.selection(), c.selectionUnknown());
            table(out, "Scoring (above the median adjusted score)", c.name(), c.scoring(), c.scoringUnknown());
        }
        for (FairnessReport.Gaps g : report.gaps()) {
            for (FairnessReport.Measure m : g.measures()) {
                for (int i = 0; i < g.groups().size(); i++) {
                    StandardisedDifference d = m.differences().get(i);
                    List<String> row = new ArrayList<>(List.of("Score gap", g.name(), g.groups().get(i), "compared",
                            String.valueOf(d.n()), "", "", "", "", "", "", "", g.reference(), m.name(),
                            number(d.d()), number(d.lower()), number(d.upper()), String.valueOf(d.referenceN())));
                    out.row(row);
                }
            }
        }
        return out.toString();
    }

    private static void table(CsvText out, String table, String characteristic, AdverseImpact.Table t, int unknown) {
        for (AdverseImpact.Row r : t.rows()) {
            boolean shown = r.standing() == AdverseImpact.Standing.REFERENCE
                    || r.standing() == AdverseImpact.Standing.COMPARED;
            out.row(List.of(table, characteristic, r.label(), standing(r.standing()), String.valueOf(r.total()),
                    shown ? String.valueOf(r.favourable()) : "", number(r.rate()), number(r.impactRatio()),
                    r.impactRatio() == null || r.standing() == AdverseImpact.Standing.REFERENCE ? ""
                            : r.belowFourFifths() ? "yes" : "no",
                    number(r.fisherP()), number(r.z()), number(r.zP()), t.reference() == null ? "" : t.reference(),
                    "", "", "", "", ""));
        }
        out.row(List.of(table, characteristic, "Unknown (not answered or prefer not to say)", "not in any group",
                String.valueOf(unknown), "", "", "", "", "", "", "", "", "", "", "", "", ""));
    }

    static String standing(AdverseImpact.Standing s) {
        return switch (s) {
            case REFERENCE -> "reference (highest rate)";
            case COMPARED -> "compared";
            case TOO_FEW -> "too few to tell";
            case EXCLUDED -> "excluded (under the share threshold)";
        };
    }

    private static String number(Double v) {
        return v == null ? "" : Math.abs(v) < 1e-4 && v != 0 ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
