package dev.assay.taskbank.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JobRoleRepository extends JpaRepository<JobRole, Long> {

    Optional<JobRole> findByKey(String key);

    boolean existsByNameIgnoreCase(String name);
}
