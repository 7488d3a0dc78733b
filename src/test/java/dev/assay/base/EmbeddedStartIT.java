package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a fresh machine: the packaged application, started as it is with its defaults (the
 * embedded database, demo data), comes up and serves the sign-in page and the demo's data. Every other test runs
 * against MariaDB, so this is the one that notices when a change works there but not on the embedded database (a
 * column type the embedded database reports differently, a changelog it cannot run).
 */
class EmbeddedStartIT {

    @Test
    void thePackagedApplicationStartsOnTheEmbeddedDatabaseWithDemoData() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("assay-.*\\.jar")).findFirst().orElseThrow(
                    () -> new AssertionError("target/assay-*.jar is missing: integration tests run after package"));
        }
        Path home = Files.createTempDirectory("assay-embedded");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = home.resolve("app.log");
        Process app = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant until = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(until) && app.isAlive() && !Files.readString(log).contains("Started ")) {
                Thread.sleep(500);
            }
            assertThat(app.isAlive()).as("the application is still running; its log:\n" + tail(log)).isTrue();
            assertThat(Files.readString(log)).as("started in time; its log:\n" + tail(log)).contains("Started ");
            // Ready once the demo data is in (the runners finish before readiness turns UP).
            HttpResponse<String> health;
            do {
                health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() != 200) {
                    Thread.sleep(500);
                }
            } while (health.statusCode() != 200 && app.isAlive() && Instant.now().isBefore(until));
            assertThat(health.statusCode()).as(tail(log)).isEqualTo(200);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Files.exists(home.resolve("data"))).as("the embedded database's files").isTrue();
            assertThat(Files.readString(log)).contains("Demo review: ");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
