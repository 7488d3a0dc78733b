package dev.assay.taskbank.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskVersionRepository extends JpaRepository<TaskVersion, Long> {
}
