package dev.assay.taskbank.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * Counts one more candidate served this task, in one statement that also checks the task is still servable
     * and under its limit; returns 0 when it is not (another start took the last exposure). The row is not
     * version-checked, so candidates starting together wait a moment for each other instead of failing.
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "update task set exposure_count = exposure_count + 1 where id = :id"
            + " and retired = false and published_version_id is not null"
            + " and (exposure_limit is null or exposure_count < exposure_limit)")
    int countExposure(long id);

    /** Takes back an exposure counted by {@link #countExposure} in a draw that then had to pick again. */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true,
            value = "update task set exposure_count = exposure_count - 1 where id = :id and exposure_count > 0")
    int uncountExposure(long id);
}
