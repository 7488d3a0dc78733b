package dev.assay.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling from 30 seconds, never more than three hours apart, about sixteen tries in a day. */
class WebhookDispatcherTest {

    @Test
    void pausesDoubleFromThirtySecondsToThreeHours() {
        assertThat(WebhookDispatcher.pause(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcher.pause(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookDispatcher.pause(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookDispatcher.pause(9)).isEqualTo(Duration.ofMinutes(128));
        assertThat(WebhookDispatcher.pause(10)).isEqualTo(Duration.ofHours(3));
        assertThat(WebhookDispatcher.pause(500)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerIsCutOff() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{".getBytes());
            exchange.getResponseBody().flush();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/slow"))
                    .timeout(Duration.ofMillis(300)).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            WebhookDispatcher.Outcome outcome = WebhookDispatcher.exchange(http, request, Duration.ofMillis(300));
            assertThat(outcome.status()).isNull();
            assertThat(outcome.error()).startsWith("No complete answer within");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aDayHoldsSixteenTries() {
        // The first try is at once; each failure waits pause(n) before the next, until the next would pass a day.
        Duration elapsed = Duration.ZERO;
        int tries = 1;
        while (!elapsed.plus(WebhookDispatcher.pause(tries)).minus(Duration.ofDays(1)).isPositive()) {
            elapsed = elapsed.plus(WebhookDispatcher.pause(tries));
            tries++;
        }
        assertThat(tries).isEqualTo(16);
        assertThat(IntStream.rangeClosed(1, tries - 1).mapToObj(WebhookDispatcher::pause)
                .reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofDays(1));
    }
}
