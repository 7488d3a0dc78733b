package dev.assay.integration.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findBySecretHash(String secretHash);

    boolean existsByNameIgnoreCase(String name);

    List<ApiKey> findAllByOrderByRevokedAtAscCreatedAtDesc();

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update ApiKey k set k.lastUsedAt = :now where k.id = :id "
            + "and (k.lastUsedAt is null or k.lastUsedAt < :before)")
    int touch(long id, java.time.Instant now, java.time.Instant before);
}
