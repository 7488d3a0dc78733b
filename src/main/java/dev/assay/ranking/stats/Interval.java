package dev.assay.ranking.stats;

/** An estimate with the bounds of its confidence interval. */
public record Interval(double estimate, double lower, double upper) {

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
