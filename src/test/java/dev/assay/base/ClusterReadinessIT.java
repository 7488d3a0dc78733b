package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.DatabaseTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a Galera or InnoDB Cluster deployment needs from the schema and the code: every table has a primary key
 * (tables without one are not replicated safely, and pxc_strict_mode refuses writes to them), and nothing takes a
 * server-local lock (LOCK TABLES, GET_LOCK), which a multi-primary cluster does not share between nodes.
 */
class ClusterReadinessIT extends DatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableOfTheMigratedSchemaHasAPrimaryKey() {
        List<String> tables = jdbc.queryForList("SELECT t.table_name FROM information_schema.tables t "
                + "WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'", String.class);
        List<String> withoutKey = jdbc.queryForList("SELECT t.table_name FROM information_schema.tables t "
                + "LEFT JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema "
                + "AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY' "
                + "WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND c.constraint_name IS NULL",
                String.class);
        assertThat(tables).as("the migrated schema").hasSizeGreaterThan(20)
                .anySatisfy(t -> assertThat(t).isEqualToIgnoringCase("DATABASECHANGELOG"));
        assertThat(withoutKey).as("tables without a primary key").isEmpty();
    }

    @Test
    void nothingTakesAServerLocalLock() throws IOException {
        Pattern local = Pattern.compile("LOCK\\s+TABLES?\\b|GET_LOCK\\s*\\(|RELEASE_LOCK\\s*\\(", Pattern.CASE_INSENSITIVE);
        List<Path> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("db")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml")
                            || p.toString().endsWith(".sql") || p.toString().endsWith(".properties"))
                    .filter(p -> {
                        try {
                            return local.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
