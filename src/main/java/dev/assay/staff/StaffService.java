package dev.assay.staff;

import dev.assay.audit.port.AuditTrail;
import dev.assay.staff.internal.LoginThrottle;
import dev.assay.staff.internal.PasswordGenerator;
import dev.assay.staff.internal.StaffAccount;
import dev.assay.staff.internal.StaffAccountRepository;
import dev.assay.staff.internal.StaffPrincipal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: admins create them, change roles, disable them and reset passwords; every signed-in
 * staff member can change their own password.
 */
@Service
@Transactional
public class StaffService {

    /** Passwords people choose themselves must be at least this long. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    private final StaffAccountRepository accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final PasswordGenerator passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final StaffPorts ports;

    StaffService(StaffAccountRepository accounts, LoginThrottle throttle, PasswordEncoder encoder,
            PasswordGenerator passwords, AuditTrail audit, Clock clock, StaffPorts ports) {
        this.ports = ports;
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        return accounts.findAll().stream()
                .map(this::toMember)
                .sorted(Comparator.comparing(StaffMember::fullName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Enabled accounts with the Reviewer role, for building review panels. */
    @PreAuthorize("hasRole('RECRUITER')")
    @Transactional(readOnly = true)
    public List<StaffMember> reviewers() {
        return accounts.findAll().stream().sorted(Comparator.comparing(StaffAccount::getFullName))
                .filter(a -> a.isEnabled() && a.getRoles().contains(StaffRole.REVIEWER))
                .map(this::toMember).toList();
    }

    /** The named accounts (enabled or not), for showing who did what. */
    @PreAuthorize("hasRole('RECRUITER')")
    @Transactional(readOnly = true)
    public List<StaffMember> accounts(java.util.Collection<Long> ids) {
        return ports.accounts(ids);
    }

    /**
     * Runs work as the given staff member, with their roles, as if they were signed in. Only for work the
     * application does itself (demo data); never reachable from a person's request.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public <T> T callAsStaff(long accountId, java.util.function.Supplier<T> work) {
        StaffAccount account = load(accountId);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(new StaffPrincipal(account.getId(), account.getEmail(), account.getFullName()), null,
                        account.getRoles().stream().map(r -> new org.springframework.security.core.authority
                                .SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The signed-in staff member's account id. */
    @PreAuthorize("isAuthenticated()")
    public long signedInAccountId() {
        long id = currentAccountId();
        if (id < 0) {
            throw new org.springframework.security.access.AccessDeniedException("No staff member is signed in.");
        }
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public IssuedPassword create(NewStaffMember request) {
        String password = passwords.next();
        StaffAccount account = StaffAccount.create(request.fullName(), request.email(), request.roles(),
                encoder.encode(password), clock.instant());
        account.issueTemporaryPassword(account.getPasswordHash(), clock.instant());
        if (accounts.existsByEmail(account.getEmail())) {
            throw new StaffRuleException("A staff account with this email already exists.");
        }
        accounts.save(account);
        log.info("Staff account {} created by {} with roles {}", account.getEmail(), actor(), account.getRoles());
        audit.record("staff.created", subject(account), "Roles: " + account.getRoles()
                + ". A temporary password was issued; it must be changed at the first sign-in.", null);
        return new IssuedPassword(toMember(account), password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffMember update(long id, String fullName, Set<StaffRole> roles) {
        StaffAccount account = load(id);
        String nameBefore = account.getFullName();
        Set<StaffRole> rolesBefore = account.getRoles();
        account.rename(fullName);
        account.changeRoles(roles, accounts.countActiveAdmins());
        log.info("Staff account {} updated by {}: roles {}", account.getEmail(), actor(), account.getRoles());
        boolean rolesChanged = !rolesBefore.equals(account.getRoles());
        if (rolesChanged || !nameBefore.equals(account.getFullName())) {
            audit.record("staff.updated", subject(account), "Was " + nameBefore + " with roles " + rolesBefore
                    + "; now " + account.getFullName() + " with roles " + account.getRoles() + "."
                    + (rolesChanged ? " Its open sessions were ended." : ""), null);
        }
        return toMember(account);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffMember disable(long id) {
        StaffAccount account = load(id);
        if (currentAccountId() == id) {
            throw new StaffRuleException("You can't disable your own account. Ask another administrator.");
        }
        account.disable(accounts.countActiveAdmins());
        log.info("Staff account {} disabled by {}", account.getEmail(), actor());
        audit.record("staff.disabled", subject(account), "Disabled; its open sessions were ended.", null);
        return toMember(account);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public StaffMember enable(long id) {
        StaffAccount account = load(id);
        account.enable();
        log.info("Staff account {} enabled by {}", account.getEmail(), actor());
        audit.record("staff.enabled", subject(account), "Enabled.", null);
        return toMember(account);
    }

    /** Issues a new temporary password and lifts any sign-in pause on the account's email. */
    @PreAuthorize("hasRole('ADMIN')")
    public IssuedPassword resetPassword(long id) {
        StaffAccount account = load(id);
        String password = passwords.next();
        account.issueTemporaryPassword(encoder.encode(password), clock.instant());
        throttle.clear(account.getEmail());
        log.info("Password of staff account {} reset by {}", account.getEmail(), actor());
        audit.record("staff.password_reset", subject(account), "A temporary password was issued; it must be "
                + "changed at the next sign-in. Open sessions were ended and any sign-in pause lifted.", null);
        return new IssuedPassword(toMember(account), password);
    }

    /** Lifts a sign-in pause early, e.g. after the person called the administrator. */
    @PreAuthorize("hasRole('ADMIN')")
    public StaffMember unlock(long id) {
        StaffAccount account = load(id);
        throttle.clear(account.getEmail());
        log.info("Sign-in pause on {} lifted by {}", account.getEmail(), actor());
        audit.record("staff.pause_lifted", subject(account), "Sign-in pause lifted.", null);
        return toMember(account);
    }

    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        StaffAccount account = load(currentAccountId());
        if (!encoder.matches(currentPassword == null ? "" : currentPassword, account.getPasswordHash())) {
            throw new StaffRuleException("Your current password is not correct.");
        }
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new StaffRuleException("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw new StaffRuleException("Choose a password different from your current one.");
        }
        account.changePasswordHash(encoder.encode(newPassword), clock.instant());
        log.info("Staff member {} changed their password", account.getEmail());
        audit.record("staff.password_changed", subject(account), "Changed by the account holder; their other "
                + "sessions were ended.", null);
        // This session carries on: it takes the account's new stamp (other sessions keep the old one and end).
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof StaffPrincipal principal) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    principal.withNewPassword(account.getSessionStamp()), null, current.getAuthorities()));
        }
    }

    /** Whether the signed-in person must choose a new password before anything else (a temporary one). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        long id = currentAccountId();
        return id >= 0 && accounts.findById(id).map(StaffAccount::isMustChangePassword).orElse(false);
    }

    private static String subject(StaffAccount account) {
        return "staff " + account.getEmail();
    }

    private StaffAccount load(long id) {
        return accounts.findById(id)
                .orElseThrow(() -> new StaffRuleException("This staff account no longer exists."));
    }

    private StaffMember toMember(StaffAccount account) {
        return ports.member(account);
    }

    private static long currentAccountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
                ? principal.accountId() : -1;
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}
