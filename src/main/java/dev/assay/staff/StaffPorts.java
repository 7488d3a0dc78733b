package dev.assay.staff;

import dev.assay.staff.internal.LoginThrottle;
import dev.assay.staff.internal.StaffAccount;
import dev.assay.staff.internal.StaffAccountRepository;
import dev.assay.staff.port.AccountSeeding;
import dev.assay.staff.port.StaffDirectory;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff module's port. Unguarded by design: review's services call it after deciding who may act;
 * people reach accounts through {@link StaffService}, which checks their role.
 */
@Component
@Transactional(readOnly = true)
class StaffPorts implements StaffDirectory, AccountSeeding {

    private final StaffAccountRepository accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final Clock clock;

    StaffPorts(StaffAccountRepository accounts, LoginThrottle throttle, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public boolean anyAccount() {
        return accounts.count() > 0;
    }

    @Override
    @Transactional
    public void seed(String fullName, String email, StaffRole role, String password) {
        accounts.save(StaffAccount.create(fullName, email, Set.of(role), encoder.encode(password), clock.instant()));
    }

    @Override
    public List<StaffMember> accounts(Collection<Long> ids) {
        return accounts.findAllById(ids).stream().map(this::member).toList();
    }

    StaffMember member(StaffAccount account) {
        Instant lockedUntil = throttle.lockedUntil(account.getEmail()).orElse(null);
        return new StaffMember(account.getId(), account.getEmail(), account.getFullName(), account.getRoles(),
                account.isEnabled(), lockedUntil, account.getCreatedAt(), account.getLastSignInAt());
    }
}
