package dev.assay.support;


import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database integration and browser tests run against. With {@code ASSAY_TEST_DB_URL} naming a MySQL
 * or MariaDB server, each test run gets a fresh schema there (dropped when the run ends unless
 * {@code ASSAY_TEST_DB_KEEP=true}); without it, tests fall back to an in-memory H2 database in MySQL
 * mode and say so in the log.
 */
public final class TestDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

    public record Settings(String url, String username, String password, boolean external, String schema) {
    }

    private static Settings resolved;

    private TestDatabase() {
    }

    public static synchronized Settings get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private static Settings resolve() {
        String url = System.getenv("ASSAY_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            say("WARNING: ASSAY_TEST_DB_URL is not set: integration and browser tests run on the embedded H2 "
                    + "database in MySQL mode. Set ASSAY_TEST_DB_URL (and ASSAY_TEST_DB_USERNAME, "
                    + "ASSAY_TEST_DB_PASSWORD) to run them against MySQL or MariaDB.");
            return new Settings("jdbc:h2:mem:assay-test;MODE=MySQL;"
                    + "DB_CLOSE_DELAY=-1", "sa", "", false, null);
        }
        String username = envOr("ASSAY_TEST_DB_USERNAME", "root");
        String password = envOr("ASSAY_TEST_DB_PASSWORD", "");
        Matcher parts = JDBC_URL.matcher(url.strip());
        if (!parts.matches()) {
            throw new IllegalStateException("ASSAY_TEST_DB_URL must look like jdbc:mysql://host:3306/db, was " + url);
        }
        String schema = "assay_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try (java.sql.Connection server = DriverManager.getConnection(url, username, password);
                Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test schema on " + parts.group(1) + ": "
                    + e.getMessage(), e);
        }
        String schemaUrl = parts.group(1) + "/" + schema + (parts.group(3) == null ? "" : parts.group(3));
        say("Integration and browser tests use the fresh schema " + schema + " on " + parts.group(1));
        if (!"true".equalsIgnoreCase(System.getenv("ASSAY_TEST_DB_KEEP"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(url, username, password, schema)));
        }
        return new Settings(schemaUrl, username, password, true, schema);
    }

    private static void drop(String url, String username, String password, String schema) {
        try (java.sql.Connection server = DriverManager.getConnection(url, username, password);
                Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + schema);
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** Printed, not logged: this runs before Spring Boot has set up logging. */
    private static void say(String message) {
        System.out.println("[assay-tests] " + message);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
