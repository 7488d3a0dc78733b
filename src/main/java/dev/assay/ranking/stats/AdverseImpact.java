package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adverse-impact analysis of one characteristic (sex, race/ethnicity, or their intersection): each group's rate
 * of a favourable outcome (being advanced, or scoring above the median), its impact ratio against the group with
 * the highest rate, the four-fifths flag of the Uniform Guidelines (29 CFR 1607.4(D)), and tests of the
 * difference from that group.
 *
 * <p>Groups that make up less than {@code excludeShare} of everyone counted are excluded from the comparison
 * and reported with their count (NYC Local Law 144 rules, 6 RCNY § 5-301(d), allow 2%). Groups with fewer than
 * {@code minCount} people are "too few to tell": their rate would move by a whole share with one person, so no
 * ratio is given and, so that a small group's outcome cannot point at a person, neither is their rate. The
 * reference is the eligible group with the highest rate (ties: the larger group, then the name).
 *
 * <p>The impact ratio is computed from the counts, (a · n_ref) / (n · a_ref), so a ratio of exactly four fifths
 * is not flagged by rounding ("less than four-fifths" is the rule's test).
 */
public final class AdverseImpact {

    /** The four-fifths rule's threshold. */
    public static final double FOUR_FIFTHS = 0.8;

    private AdverseImpact() {
    }

    /** A group and how many of it were counted and had the favourable outcome. */
    public record Group(String label, int total, int favourable) {
        public Group {
            if (total < 0 || favourable < 0 || favourable > total) {
                throw new IllegalArgumentException("A group needs 0 ≤ favourable ≤ total");
            }
        }
    }

    /** How a group takes part in the comparison. */
    public enum Standing {
        /** The group with the highest rate, the one every other is compared with. */
        REFERENCE,
        /** Compared with the reference. */
        COMPARED,
        /** Fewer than the minimum count: no rate, ratio or test. */
        TOO_FEW,
        /** Under the excluded share of the total: reported with its count only. */
        EXCLUDED
    }

    /**
     * One group's row. Rate, ratio and tests are null where they are not given: for excluded and too-few groups,
     * for every group when no eligible group had the favourable outcome (no ratio can be formed), and the z test
     * where the counts are too small for it.
     */
    public record Row(String label, int total, int favourable, Standing standing, Double rate, Double impactRatio,
            boolean belowFourFifths, Double fisherP, Double z, Double zP) {

        /** Whether the difference from the reference is significant at the 5% level by Fisher's exact test. */
        public boolean significant() {
            return fisherP != null && fisherP < 0.05;
        }
    }

    /**
     * The analysis of one characteristic.
     *
     * @param total     everyone counted in a group (excluded and too-few groups included)
     * @param reference the reference group's label, or null when there is none
     * @param note      why no ratios could be formed, or null
     */
    public record Table(List<Row> rows, int total, String reference, String note) {

        /** The excluded groups' combined count. */
        public int excluded() {
            return rows.stream().filter(r -> r.standing() == Standing.EXCLUDED).mapToInt(Row::total).sum();
        }

        /** Whether any compared group falls below four fifths of the reference's rate. */
        public boolean anyBelowFourFifths() {
            return rows.stream().anyMatch(Row::belowFourFifths);
        }
    }

    /** Analyses the groups (in the order given, which the rows keep). */
    public static Table analyse(List<Group> groups, int minCount, double excludeShare) {
        if (minCount < 1 || !(excludeShare >= 0 && excludeShare < 1)) {
            throw new IllegalArgumentException("minCount must be positive and excludeShare in [0, 1)");
        }
        int total = groups.stream().mapToInt(Group::total).sum();
        List<Group> eligible = new ArrayList<>();
        for (Group g : groups) {
            if (g.total() > 0 && !excluded(g, total, excludeShare) && g.total() >= minCount) {
                eligible.add(g);
            }
        }
        Group reference = eligible.stream().max(Comparator
                .comparingDouble((Group g) -> (double) g.favourable() / g.total())
                .thenComparingInt(Group::total)
                .thenComparing(Group::label, Comparator.reverseOrder())).orElse(null);
        String note = null;
        if (eligible.size() < 2) {
            note = "Fewer than two groups have at least " + minCount
                    + " people, so no group can be compared with another.";
        } else if (reference.favourable() == 0) {
            note = "No group had this outcome, so there is no rate to compare with.";
        }
        boolean ratios = note == null;
        List<Row> rows = new ArrayList<>();
        for (Group g : groups) {
            if (g.total() == 0) {
                continue;
            }
            if (excluded(g, total, excludeShare)) {
                rows.add(new Row(g.label(), g.total(), g.favourable(), Standing.EXCLUDED, null, null, false, null, null,
                        null));
            } else if (g.total() < minCount) {
                rows.add(new Row(g.label(), g.total(), g.favourable(), Standing.TOO_FEW, null, null, false, null, null,
                        null));
            } else {
                double rate = (double) g.favourable() / g.total();
                if (!ratios) {
                    rows.add(new Row(g.label(), g.total(), g.favourable(), Standing.COMPARED, rate, null, false, null,
                            null, null));
                } else if (g == reference) {
                    rows.add(new Row(g.label(), g.total(), g.favourable(), Standing.REFERENCE, rate, 1.0, false, null,
                            null, null));
                } else {
                    long num = (long) g.favourable() * reference.total();
                    long den = (long) g.total() * reference.favourable();
                    double ratio = (double) num / den;
                    int a = g.favourable();
                    int b = g.total() - a;
                    int c = reference.favourable();
                    int d = reference.total() - c;
                    ContingencyTests.ZTest z = ContingencyTests.twoProportionZ(a, b, c, d);
                    rows.add(new Row(g.label(), g.total(), a, Standing.COMPARED, rate, ratio, 5 * num < 4 * den,
                            ContingencyTests.fisherTwoSided(a, b, c, d), z == null ? null : z.z(),
                            z == null ? null : z.p()));
                }
            }
        }
        return new Table(List.copyOf(rows), total, ratios ? reference.label() : null, note);
    }

    private static boolean excluded(Group g, int total, double share) {
        return total > 0 && g.total() < share * total;
    }
}
