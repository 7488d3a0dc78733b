package dev.assay.taskbank.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RubricVersionRepository extends JpaRepository<RubricVersion, Long> {

    List<RubricVersion> findByRoleIdOrderByNumberDesc(Long roleId);

    Optional<RubricVersion> findFirstByRoleIdOrderByNumberDesc(Long roleId);

    /** The current (newest) rubric version of every role. */
    @Query("select r from RubricVersion r join fetch r.role where r.number = "
            + "(select max(o.number) from RubricVersion o where o.role = r.role)")
    List<RubricVersion> findCurrent();
}
