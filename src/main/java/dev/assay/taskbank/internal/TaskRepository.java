package dev.assay.taskbank.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, Long>, JpaSpecificationExecutor<Task> {

    Optional<Task> findByKey(String key);

    @Query("select distinct g from TaskVersion v join v.tags g where v = v.task.latestVersion order by g")
    List<String> findTagsInUse();

    @Query("select count(distinct t) from Task t join t.latestVersion v join v.roleKeys r where r = :roleKey")
    long countByRoleKey(String roleKey);

    /** Tasks that could go into an assessment: published, not retired, ordered by title. */
    @Query("select t from Task t join fetch t.publishedVersion p where t.retired = false order by p.title")
    List<Task> findPublished();
}
