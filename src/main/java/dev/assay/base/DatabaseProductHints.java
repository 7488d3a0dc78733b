package dev.assay.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * MariaDB reached through MySQL Connector/J reports itself as MySQL "5.5.5-10.11.x-MariaDB", and
 * Hibernate would then pick an old MySQL dialect. This reads the real server version and tells
 * Hibernate it is MariaDB, so the same {@code mysql} profile works on MySQL 8.4+ and MariaDB 10.11+.
 */
@Component
class DatabaseProductHints implements HibernatePropertiesCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProductHints.class);
    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB");

    private final DataSource dataSource;

    DatabaseProductHints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(Map<String, Object> properties) {
        try (Connection connection = dataSource.getConnection()) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            Matcher mariadb = MARIADB_VERSION.matcher(version == null ? "" : version);
            if (mariadb.find()) {
                properties.put("jakarta.persistence.database-product-name", "MariaDB");
                properties.put("jakarta.persistence.database-major-version", mariadb.group(1));
                properties.put("jakarta.persistence.database-minor-version", mariadb.group(2));
                log.info("Database is MariaDB {}.{}", mariadb.group(1), mariadb.group(2));
            }
        } catch (SQLException e) {
            log.warn("Could not read the database version; Hibernate will detect the dialect itself", e);
        }
    }
}
