package dev.assay.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Every page writes dates in the viewer's conventions, with the zone named. */
@WithMockUser(roles = "RECRUITER")
class DatesIT extends SpringBrowserlessTest {

    private static final Instant WHEN = Instant.parse("2026-12-02T17:47:00Z");

    @Test
    void datesFollowTheViewersLocaleAndNameTheirZone() {
        UI.getCurrent().setLocale(Locale.UK);
        assertThat(Dates.date(WHEN)).isEqualTo("2 Dec 2026");
        assertThat(Dates.dateTime(WHEN)).startsWith("2 Dec 2026").contains("17:47").endsWith("UTC");

        UI.getCurrent().setLocale(Locale.US);
        assertThat(Dates.date(WHEN)).isEqualTo("Dec 2, 2026");
        assertThat(Dates.dateTime(WHEN)).startsWith("Dec 2, 2026").contains("5:47").endsWith("UTC");

        UI.getCurrent().setLocale(Locale.GERMANY);
        assertThat(Dates.date(WHEN)).isEqualTo("02.12.2026");
    }

    @Test
    void pickersAndInstantsRoundTripInTheViewersZone() {
        LocalDateTime local = LocalDateTime.of(2026, 12, 16, 17, 0);
        assertThat(Dates.toLocal(Dates.toInstant(local))).isEqualTo(local);
        assertThat(Dates.dateTime(null)).isEmpty();
    }
}
