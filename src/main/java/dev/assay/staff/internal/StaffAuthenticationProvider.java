package dev.assay.staff.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Signs staff in against their accounts. The throttle is checked before the password, and a missing
 * account costs the same hashing work as a wrong password, so neither the message nor the timing
 * tells whether an email has an account.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationProvider.class);

    private final StaffAccountRepository accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String unknownAccountHash;

    StaffAuthenticationProvider(StaffAccountRepository accounts, LoginThrottle throttle, PasswordEncoder encoder,
            Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.clock = clock;
        this.unknownAccountHash = encoder.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = StaffAccount.normalizeEmail(request.getName());
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (throttle.lockedUntil(key).isPresent()) {
            throw new LockedException("Sign-in is paused for this email");
        }
        Optional<StaffAccount> found = accounts.findByEmail(key);
        boolean matches;
        if (found.isPresent()) {
            matches = encoder.matches(password, found.get().getPasswordHash());
        } else {
            encoder.matches(password, unknownAccountHash);
            matches = false;
        }
        if (!matches) {
            if (throttle.recordFailure(key)) {
                log.warn("Sign-in paused for an email after repeated failures");
                throw new LockedException("Sign-in is paused for this email");
            }
            throw new BadCredentialsException("Bad credentials");
        }
        StaffAccount account = found.get();
        if (!account.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        throttle.clear(key);
        accounts.recordSignIn(account.getId(), clock.instant());
        List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        StaffPrincipal principal = new StaffPrincipal(account.getId(), account.getEmail(), account.getFullName());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
