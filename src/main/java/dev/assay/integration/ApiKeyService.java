package dev.assay.integration;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.Sha256;
import dev.assay.base.SystemAuthentication;
import dev.assay.integration.internal.ApiKey;
import dev.assay.integration.internal.ApiKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys, for admins: create one per integration with its scopes (the key is shown once and only its SHA-256 is
 * stored), list them with when each was last used, and revoke them. Creating and revoking are in the audit log under
 * the key's name; the key itself never is.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ApiKeyService {

    public static final int MAX_NAME = 80;
    /** Keys start with this, so a leaked one is recognisable (for example by secret scanners). */
    public static final String KEY_PREFIX = "assay_";

    private final ApiKeyRepository keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.findAllByOrderByRevokedAtAscCreatedAtDesc().stream().map(ApiKey::view).toList();
    }

    /**
     * Creates a key. Refused, naming every problem, without a name, with a name over {@value #MAX_NAME} characters or
     * already used, or without a scope.
     */
    public IssuedApiKey create(String name, Set<ApiScope> scopes) {
        String clean = name == null ? "" : name.strip();
        List<String> problems = new ArrayList<>();
        if (clean.isEmpty()) {
            problems.add("Name the integration this key is for.");
        } else if (clean.length() > MAX_NAME) {
            problems.add("Keep the name under " + MAX_NAME + " characters.");
        } else if (keys.existsByNameIgnoreCase(clean)) {
            problems.add("A key named \"" + clean + "\" already exists; names tell keys apart in the audit log.");
        }
        if (scopes == null || scopes.isEmpty()) {
            problems.add("Choose at least one scope.");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = keys.saveAndFlush(new ApiKey(clean, secret.substring(0, KEY_PREFIX.length() + 4),
                Sha256.hex(secret), scopes, SystemAuthentication.currentName(), clock.instant()));
        audit.record("api_key.created", "api key " + clean, "Key " + key.getId() + " with scopes "
                + key.view().scopes().stream().map(ApiScope::key).toList() + ".", null);
        return new IssuedApiKey(key.view(), secret);
    }

    /** Revokes a key at once: every request with it is refused from now on. */
    public ApiKeyView revoke(long id) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new IllegalArgumentException("This key no longer exists."));
        if (!key.isActive()) {
            throw new IllegalArgumentException("This key is already revoked.");
        }
        key.revoke(SystemAuthentication.currentName(), clock.instant());
        audit.record("api_key.revoked", "api key " + key.getName(), "Key " + id + " revoked.", null);
        return key.view();
    }
}
