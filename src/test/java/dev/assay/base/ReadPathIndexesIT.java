package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.support.DatabaseTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The filters the services use on the large tables have an index the database can use: MySQL's or MariaDB's
 * own EXPLAIN lists it among the possible keys for the query's shape. (H2 plans differently; this runs
 * against the MySQL or MariaDB server the test run is given, as CI does.)
 */
class ReadPathIndexesIT extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invitations of one assessment by stage and deadline | ix_invitation_assessment_stage | select id from invitation where assessment_id = 1 and stage = 'SENT' and start_deadline >= '2026-01-01' order by id desc limit 50
            submitted attempts of one assessment | ix_attempt_assessment_submitted | select id from attempt where assessment_id = 1 and submitted_at is not null order by submitted_at, id
            submissions of one assessment in order | ix_review_submission_assessment_time | select id from review_submission where assessment_id = 1 order by submitted_at, id
            audit entries of one action, newest first | ix_audit_entry_action_time | select id from audit_entry where action = 'staff.disabled' order by occurred_at desc limit 50
            """)
    void theQueryCanUseItsIndex(String what, String index, String sql) throws Exception {
        try (var connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb"),
                    "EXPLAIN's possible keys are checked on MySQL or MariaDB");
        }
        List<Map<String, Object>> plan = jdbc.sql("explain " + sql).query().listOfRows();
        assertThat(plan).as(what).anySatisfy(row -> assertThat(String.valueOf(row.get("possible_keys")))
                .as("possible keys for " + what).contains(index));
    }
}
