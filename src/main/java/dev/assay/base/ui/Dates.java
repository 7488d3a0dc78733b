package dev.assay.base.ui;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as every page shows them: in the viewer's own language conventions (the browser's locale)
 * and time zone (the browser's), with the zone named, so "2 Dec 2026, 17:47 CET" means the same to everyone
 * who reads it. Date pickers use the same locale and zone ({@link #zone()}, {@link #toInstant}).
 */
public final class Dates {

    private Dates() {
    }

    /** The viewer's locale: the browser's, or British English when there is no page (background work). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.UK : ui.getLocale();
    }

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The viewer's time zone as the browser reports it, or UTC when unknown. */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            var details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                try {
                    return ZoneId.of(details.getTimeZoneId());
                } catch (DateTimeException unknownZone) {
                    return UTC;
                }
            }
        }
        return UTC;
    }

    /** "2 Dec 2026, 17:47 GMT" (in the viewer's conventions), or an empty string for no time. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(instant) + " " + zoneName(instant);
    }

    /** "2 Dec 2026" (in the viewer's conventions and zone), or an empty string. */
    public static String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).withZone(zone())
                .format(instant);
    }

    /** A long form for candidates: "2 December 2026, 17:47 GMT". */
    public static String longDateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(instant).replace(" at ", ", ")
                + " " + zoneName(instant);
    }

    /** A date picker's value (in the viewer's zone) as an instant. */
    public static Instant toInstant(LocalDateTime value) {
        return value == null ? null : value.atZone(zone()).toInstant();
    }

    /** An instant as a date picker shows it, in the viewer's zone. */
    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    private static String zoneName(Instant instant) {
        ZoneId zone = zone();
        return DateTimeFormatter.ofPattern("zzz", locale()).withZone(zone).format(instant);
    }
}
