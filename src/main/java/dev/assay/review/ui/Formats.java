package dev.assay.review.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the review screens show them (UTC, like the rest of the staff pages). */
final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant) + " UTC";
    }

    static String minutes(int seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        return (seconds + 30) / 60 + " min";
    }
}
