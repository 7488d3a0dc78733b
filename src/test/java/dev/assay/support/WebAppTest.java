package dev.assay.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of tests that need the application on a random port and the test database (chosen by
 * {@link TestDatabaseEnvironment}). All Spring tests use this one configuration, so they share a single
 * cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WebAppTest {
}
