package dev.assay.integration.internal;

import dev.assay.integration.ApiKeyView;
import dev.assay.integration.ApiScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One integration's key: its name, scopes and the SHA-256 of the secret (never the secret). */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String secretHash;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ApiKey() {
    }

    public ApiKey(String name, String prefix, String secretHash, Set<ApiScope> scopes, String createdBy, Instant now) {
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.scopes = scopes.stream().map(ApiScope::key).sorted().collect(Collectors.joining(","));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Set<ApiScope> scopes() {
        Set<ApiScope> out = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(",")).forEach(k -> Arrays.stream(ApiScope.values())
                .filter(s -> s.key().equals(k)).forEach(out::add));
        return out;
    }

    public void revoke(String by, Instant now) {
        revokedAt = now;
        revokedBy = by;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public ApiKeyView view() {
        return new ApiKeyView(id, name, prefix, scopes(), createdBy, createdAt, lastUsedAt, revokedAt, revokedBy);
    }
}
