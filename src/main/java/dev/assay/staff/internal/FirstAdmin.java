package dev.assay.staff.internal;

import dev.assay.staff.StaffRole;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of a new installation from {@code ASSAY_ADMIN_EMAIL} (and optionally
 * {@code ASSAY_ADMIN_NAME}, {@code ASSAY_ADMIN_PASSWORD}) when no staff account exists yet. Without a
 * password it generates one and logs it once. Does nothing once any account exists.
 */
@Component
@Order(5)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordGenerator passwords;
    private final Clock clock;
    private final String email;
    private final String name;
    private final String password;
    private final boolean recover;
    private final LoginThrottle throttle;

    FirstAdmin(StaffAccountRepository accounts, PasswordEncoder encoder, PasswordGenerator passwords, Clock clock,
            LoginThrottle throttle,
            @Value("${assay.first-admin.email:${ASSAY_ADMIN_EMAIL:}}") String email,
            @Value("${assay.first-admin.name:${ASSAY_ADMIN_NAME:Administrator}}") String name,
            @Value("${assay.first-admin.password:${ASSAY_ADMIN_PASSWORD:}}") String password,
            @Value("${assay.first-admin.recover:${ASSAY_ADMIN_RECOVER:false}}") boolean recover) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.recover = recover;
        this.encoder = encoder;
        this.passwords = passwords;
        this.clock = clock;
        this.email = email;
        this.name = name;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (recover && email != null && !email.isBlank()) {
            recoverAdmin();
            return;
        }
        if (accounts.count() > 0) {
            return;
        }
        if (email == null || email.isBlank()) {
            log.warn("No staff account exists yet. Set ASSAY_ADMIN_EMAIL (and optionally ASSAY_ADMIN_PASSWORD) "
                    + "and restart to create the first administrator.");
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? passwords.next() : password;
        StaffAccount admin = StaffAccount.create(name, email, Set.of(StaffRole.ADMIN), encoder.encode(secret),
                clock.instant());
        if (generated) {
            admin.issueTemporaryPassword(admin.getPasswordHash(), clock.instant());
        }
        accounts.save(admin);
        if (generated) {
            log.warn("Created the first administrator {} with the temporary password {} . Sign in and change it "
                    + "under My account; it is not shown again.", admin.getEmail(), secret);
        } else {
            log.info("Created the first administrator {} with the password from ASSAY_ADMIN_PASSWORD",
                    admin.getEmail());
        }
    }

    /**
     * Recovery for an installation whose administrators can no longer sign in: gives the account named by
     * {@code ASSAY_ADMIN_EMAIL} the Admin role, enables it, sets a new password and lifts any sign-in pause.
     */
    private void recoverAdmin() {
        boolean generated = password == null || password.isBlank();
        String secret = generated ? passwords.next() : password;
        StaffAccount admin = accounts.findByEmail(StaffAccount.normalizeEmail(email)).orElse(null);
        if (admin == null) {
            admin = StaffAccount.create(name, email, Set.of(StaffRole.ADMIN), encoder.encode(secret), clock.instant());
            if (generated) {
                admin.issueTemporaryPassword(admin.getPasswordHash(), clock.instant());
            }
            admin = accounts.save(admin);
        } else {
            java.util.Set<StaffRole> roles = admin.getRoles();
            roles.add(StaffRole.ADMIN);
            admin.changeRoles(roles, Long.MAX_VALUE);
            admin.enable();
            if (generated) {
                admin.issueTemporaryPassword(encoder.encode(secret), clock.instant());
            } else {
                admin.changePasswordHash(encoder.encode(secret), clock.instant());
            }
        }
        throttle.clear(admin.getEmail());
        log.warn("ADMIN RECOVERY: {} is an enabled administrator with {}. Unset ASSAY_ADMIN_RECOVER now.",
                admin.getEmail(), generated ? "the temporary password " + secret : "the password from ASSAY_ADMIN_PASSWORD");
    }
}
