package dev.assay.review.ui;

import dev.assay.base.ui.Dates;
import java.time.Instant;

/** Dates, times and durations as the review screens show them (dates in the viewer's locale and zone). */
final class Formats {

    private Formats() {
    }

    static String date(Instant instant) {
        return Dates.date(instant);
    }

    static String dateTime(Instant instant) {
        return Dates.dateTime(instant);
    }

    static String minutes(int seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        return (seconds + 30) / 60 + " min";
    }
}
