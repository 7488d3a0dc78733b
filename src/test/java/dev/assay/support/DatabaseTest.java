package dev.assay.support;

/**
 * Base of service tests: the whole application against the test database. It shares the web tests'
 * configuration so that the test run starts one application context, not several.
 */
public abstract class DatabaseTest extends WebAppTest {
}
