package dev.assay.audit.internal;

import dev.assay.audit.ChainCheck;
import dev.assay.base.ClusterJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the chain anchored outside the database. At start, entries written before seals existed are sealed,
 * but only if the chain checks out first. Every hour (and at start) the newest entry's number and hash are
 * written to the application log: shipped to a log store the database's writers cannot edit, these published
 * heads pin the chain up to each point, so rewriting history is detected even by someone who holds the key.
 */
@Component
@Order(1)
class AuditAnchors implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final ChainVerifier verifier;
    private final AuditSeal seal;
    private final JdbcClient jdbc;

    private final ClusterJobs cluster;

    AuditAnchors(ChainVerifier verifier, AuditSeal seal, JdbcClient jdbc, ClusterJobs cluster) {
        this.verifier = verifier;
        this.seal = seal;
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long unsealed = jdbc.sql("select count(*) from audit_entry where seal is null").query(Long.class).single();
        if (unsealed > 0) {
            ChainCheck check = verifier.verify(false);
            if (!check.intact()) {
                log.error("The audit chain is broken at entry {} ({}); its {} unsealed entries were left unsealed. "
                        + "Investigate before trusting the log.", check.firstBrokenId(), check.problem(), unsealed);
            } else {
                jdbc.sql("select id, hash from audit_entry where seal is null order by id")
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                        .forEach(row -> jdbc.sql("update audit_entry set seal = ? where id = ? and seal is null")
                                .params(seal.seal(row[1]), Long.parseLong(row[0])).update());
                log.info("Sealed {} audit entries written before seals were introduced, after checking the chain",
                        unsealed);
            }
        }
        publishHead();
    }

    @Scheduled(fixedDelayString = "${assay.audit.publish-interval:PT1H}",
            initialDelayString = "${assay.audit.publish-interval:PT1H}")
    void scheduled() {
        // One node logs the head each interval; the line is the same from any node.
        cluster.runOnce("audit-head", Duration.ofMinutes(10), Duration.ofMinutes(30), this::publishHead);
    }

    void publishHead() {
        Object[] head = verifier.head();
        log.info("Audit chain head: entry {} with hash {}", head[0], head[1]);
    }
}
