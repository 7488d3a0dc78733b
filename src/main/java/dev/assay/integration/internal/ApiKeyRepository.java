package dev.assay.integration.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findBySecretHash(String secretHash);

    boolean existsByNameIgnoreCase(String name);

    List<ApiKey> findAllByOrderByRevokedAtAscCreatedAtDesc();
}
