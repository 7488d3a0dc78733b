package dev.assay.demo;

import dev.assay.staff.StaffRole;
import dev.assay.staff.port.AccountSeeding;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff for the embedded default setup only ({@code assay.demo-data.enabled=true}); the README
 * lists these accounts. Loaded once, into an empty account table.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "assay.demo-data.enabled", havingValue = "true")
class DemoStaff implements ApplicationRunner {

    static final String ADMIN_PASSWORD = "admin-demo-2026";
    static final String RECRUITER_PASSWORD = "recruiter-demo-2026";
    static final String REVIEWER_PASSWORD = "reviewer-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private record Demo(String name, String email, StaffRole role, String password) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("Ada Okafor", "admin@assay.example", StaffRole.ADMIN, ADMIN_PASSWORD),
            new Demo("Rhea Lindqvist", "rhea@assay.example", StaffRole.RECRUITER, RECRUITER_PASSWORD),
            new Demo("Ravi Menon", "ravi@assay.example", StaffRole.RECRUITER, RECRUITER_PASSWORD),
            new Demo("Vera Novak", "vera@assay.example", StaffRole.REVIEWER, REVIEWER_PASSWORD),
            new Demo("Victor Hale", "victor@assay.example", StaffRole.REVIEWER, REVIEWER_PASSWORD),
            new Demo("Wen Zhou", "wen@assay.example", StaffRole.REVIEWER, REVIEWER_PASSWORD),
            new Demo("Wilma Sato", "wilma@assay.example", StaffRole.REVIEWER, REVIEWER_PASSWORD),
            new Demo("Xavier Brandt", "xavier@assay.example", StaffRole.REVIEWER, REVIEWER_PASSWORD));

    private final AccountSeeding accounts;

    DemoStaff(AccountSeeding accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAccount()) {
            return;
        }
        for (Demo demo : ACCOUNTS) {
            accounts.seed(demo.name(), demo.email(), demo.role(), demo.password());
        }
        log.info("Loaded {} demo staff accounts (see README for their sign-in details)", ACCOUNTS.size());
    }
}
