package dev.assay.integration.internal;

import dev.assay.base.Sha256;
import dev.assay.integration.ApiScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the key a request presents, by the SHA-256 of what it sent (the secret is never stored or compared in
 * plain), and notes when it was last used (at most once a minute, so a busy integration does not write on every
 * request). Runs before anyone is signed in, for the API's security filter.
 */
@Component
@Transactional
public class ApiKeys {

    /** A key that may make this request: its id, name and scopes. */
    public record Caller(long id, String name, Set<ApiScope> scopes) {
    }

    private static final Duration TOUCH = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        return keys.findBySecretHash(Sha256.hex(presented.strip())).filter(ApiKey::isActive).map(key -> {
            Instant now = clock.instant();
            if (key.getLastUsedAt() == null || key.getLastUsedAt().plus(TOUCH).isBefore(now)) {
                // One conditional update, outside the row's version: parallel requests with one key (or an admin
                // revoking it meanwhile) must not fail each other over a timestamp.
                keys.touch(key.getId(), now, now.minus(TOUCH));
            }
            return new Caller(key.getId(), key.getName(), key.scopes());
        });
    }
}
