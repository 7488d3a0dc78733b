package dev.assay.staff.internal;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.Sha256;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs staff in against their accounts. A sign-in first takes a slot from the throttle (so however many
 * attempts arrive at once, at most five passwords per email are checked in a window), and a missing account
 * costs the same hashing work as a wrong password, so neither the message nor the timing tells whether an
 * email has an account. Every outcome is in the audit log: under the account's email when it exists, else
 * under a fingerprint of what was typed, so repeated guesses can be seen without storing the typed text.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);

    private final StaffAccountRepository accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final String unknownAccountHash;

    StaffAuthenticationProvider(StaffAccountRepository accounts, LoginThrottle throttle, PasswordEncoder encoder,
            AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.unknownAccountHash = encoder.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = StaffAccount.normalizeEmail(request.getName());
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Optional<StaffAccount> found = accounts.findByEmail(key);
        String who = found.map(StaffAccount::getEmail).orElse("unknown account");
        String subject = found.map(a -> "staff " + a.getEmail())
                .orElse("email fingerprint " + Sha256.hex(key).substring(0, 12));
        if (retrying(() -> throttle.begin(key)) == LoginThrottle.Slot.PAUSED) {
            audit.recordSignIn(who, "sign_in.paused", subject, "Refused without checking the password: sign-in "
                    + "is paused after repeated failures.");
            throw new LockedException("Sign-in is paused for this email");
        }
        boolean matches;
        if (found.isPresent()) {
            matches = encoder.matches(password, found.get().getPasswordHash());
        } else {
            encoder.matches(password, unknownAccountHash);
            matches = false;
        }
        if (!matches) {
            boolean pausedNow = retrying(() -> throttle.failed(key));
            audit.recordSignIn(who, "sign_in.failed", subject, pausedNow
                    ? "Wrong password; sign-in is now paused for " + ThrottlePolicy.LOCK.toMinutes() + " minutes."
                    : "Wrong password, or no such account.");
            if (pausedNow) {
                log.warn("Sign-in paused for an email after repeated failures");
                throw new LockedException("Sign-in is paused for this email");
            }
            throw new BadCredentialsException("Bad credentials");
        }
        StaffAccount account = found.get();
        throttle.clear(key);
        if (!account.isEnabled()) {
            audit.recordSignIn(who, "sign_in.failed", subject, "Right password, but the account is disabled.");
            throw new DisabledException("Account disabled");
        }
        accounts.recordSignIn(account.getId(), clock.instant());
        audit.recordSignIn(who, "sign_in.succeeded", subject, "Roles: " + account.getRoles() + ".");
        List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        StaffPrincipal principal = new StaffPrincipal(account.getId(), account.getEmail(), account.getFullName(),
                account.getSessionStamp(), account.isMustChangePassword());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** Runs a throttle step again if the database chose it as a deadlock victim (rare: one row per email). */
    private static <T> T retrying(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
