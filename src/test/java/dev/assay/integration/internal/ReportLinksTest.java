package dev.assay.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A report link opens its one report until it expires, and only with its own signature. */
class ReportLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    private static ReportLinks at(Instant now, byte[] key) {
        return new ReportLinks(key, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(7), "https://assay.example.com/");
    }

    private static Map<String, String> query(String url) {
        return java.util.Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    @Test
    void aLinkOpensItsReportUntilItExpires() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
        ReportLinks.Link link = at(NOW, key).issue(42);
        assertThat(link.url()).startsWith("https://assay.example.com/api/v1/reports/rank-cards/42.pdf?expires=");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        Map<String, String> q = query(link.url());
        assertThat(at(NOW, key).valid(42, q.get("expires"), q.get("signature"))).isTrue();
        assertThat(at(NOW.plus(Duration.ofDays(7)).minusSeconds(1), key).valid(42, q.get("expires"), q.get("signature")))
                .isTrue();
        assertThat(at(NOW.plus(Duration.ofDays(7)), key).valid(42, q.get("expires"), q.get("signature")))
                .as("expired").isFalse();
        assertThat(at(NOW, key).valid(43, q.get("expires"), q.get("signature"))).as("another report").isFalse();
        long later = Long.parseLong(q.get("expires")) + 86_400;
        assertThat(at(NOW, key).valid(42, Long.toString(later), q.get("signature"))).as("a longer life").isFalse();
        assertThat(at(NOW, "another installation's secret key".getBytes()).valid(42, q.get("expires"),
                q.get("signature"))).isFalse();
        assertThat(at(NOW, key).valid(42, "soon", q.get("signature"))).isFalse();
        assertThat(at(NOW, key).valid(42, q.get("expires"), null)).isFalse();
    }
}
