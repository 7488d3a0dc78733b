package dev.assay.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at the test database chosen by {@link TestDatabase} and at the
 * in-process SMTP server of {@link TestMailServer}. Registered in
 * the test classpath's spring.factories, so all test classes share one configuration (and so one
 * cached application context) without each declaring the database.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TestDatabase.Settings db = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        if (db.external()) {
            properties.put("spring.datasource.driver-class-name", "com.mysql.cj.jdbc.Driver");
            // The driver settings of the production profile for MySQL and MariaDB, read from its file.
            Properties production = new Properties();
            try (var in = TestDatabaseEnvironment.class.getResourceAsStream("/application-mysql.properties")) {
                production.load(in);
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("application-mysql.properties is not on the classpath", e);
            }
            production.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("spring.datasource.hikari.data-source-properties."))
                    .forEach(k -> properties.put(k, production.getProperty(k)));
        }
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.port());
        environment.getPropertySources().addFirst(new MapPropertySource("assay-test-database", properties));
    }
}
