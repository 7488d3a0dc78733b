package dev.assay.support;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged application (the jar {@code ./mvnw verify} builds before the integration tests) run as a process
 * of its own on the test database, as a node of a real installation would run. Used by the tests that restart a
 * server or lose a node.
 */
public final class PackagedApp {

    private PackagedApp() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts the jar on the port with the test database and the given installation secret (the same as the test
     * run's, so every process seals and reads alike) and waits until its readiness check answers.
     */
    public static Process start(int port, Path log, String secret, String... extra) throws IOException {
        TestDatabase.Settings db = TestDatabase.get();
        File jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.toString().endsWith(".jar") && !p.toString().contains("original"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "The packaged jar is missing: run ./mvnw verify, which packages before integration tests"))
                    .toFile();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.getAbsolutePath(), "--server.port=" + port, "--assay.demo-data.enabled=false",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver", "--assay.secret=" + secret));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped during start-up; see " + log);
            }
            if (status("http://127.0.0.1:" + port + "/actuator/health/readiness") == 200) {
                return process;
            }
            sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application did not start within 90 s; see " + log);
    }

    /** Kills the process as a lost machine would (no shutdown hooks) and waits until it is gone. */
    public static void kill(Process process) {
        process.destroyForcibly();
        process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(5_000);
            return c.getResponseCode();
        } catch (IOException nothing) {
            return -1;
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
