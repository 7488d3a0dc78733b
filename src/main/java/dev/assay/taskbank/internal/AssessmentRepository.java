package dev.assay.taskbank.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    @Query("select a from Assessment a join fetch a.role order by a.updatedAt desc")
    List<Assessment> findAllNewestFirst();
}
