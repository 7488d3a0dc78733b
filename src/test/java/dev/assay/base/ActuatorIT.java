package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.DatabaseTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations endpoints: health for load balancers is open and says only UP (readiness is the node's own state);
 * the Prometheus metrics need the bearer token, and carry the application's own meters.
 */
class ActuatorIT extends DatabaseTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenAndTerseAndMetricsNeedTheToken() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).body()).doesNotContain("db").doesNotContain("diskSpace");
        assertThat(get("/actuator/info", null).body()).contains("\"version\":\"0.1.0-SNAPSHOT\"");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", "test-metrics-token");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("assay_outbox_backlog").contains("assay_outbox_oldest_age_seconds")
                .contains("assay_candidates_active").contains("assay_reviews_waiting")
                .contains("assay_saves_seconds_count").contains("assay_ranking_recompute_seconds_count");
        // Nothing else under /actuator, and no session is made there.
        assertThat(get("/actuator/env", "test-metrics-token").statusCode()).isIn(401, 403, 404);
        assertThat(readiness.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
