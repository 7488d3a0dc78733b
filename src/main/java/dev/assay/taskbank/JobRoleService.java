package dev.assay.taskbank;

import dev.assay.taskbank.internal.JobRole;
import dev.assay.taskbank.internal.JobRoleRepository;
import dev.assay.taskbank.internal.RubricVersion;
import dev.assay.taskbank.internal.RubricVersions;
import dev.assay.taskbank.internal.RubricVersionRepository;
import dev.assay.taskbank.internal.TaskRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Job roles and their rubrics. Recruiters maintain them. */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class JobRoleService {

    private static final Logger log = LoggerFactory.getLogger(JobRoleService.class);

    private final JobRoleRepository roles;
    private final RubricVersionRepository rubrics;
    private final RubricVersions rubricVersions;
    private final TaskRepository tasks;
    private final Clock clock;

    JobRoleService(JobRoleRepository roles, RubricVersionRepository rubrics, RubricVersions rubricVersions,
            TaskRepository tasks, Clock clock) {
        this.roles = roles;
        this.rubrics = rubrics;
        this.rubricVersions = rubricVersions;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoleSummary> list() {
        return rubrics.findCurrent().stream()
                .map(r -> new RoleSummary(r.getRole().getId(), r.getRole().getKey(), r.getRole().getName(),
                        r.getRole().getDescription(), r.getNumber(), r.criteria().size(),
                        tasks.countByRoleKey(r.getRole().getKey())))
                .sorted(Comparator.comparing(RoleSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional(readOnly = true)
    public RoleDetail get(long id) {
        return detail(load(id));
    }

    /** Creates a role whose first rubric version holds the given criteria (usually the default model). */
    public RoleDetail create(String name, String description, List<RubricCriterion> criteria) {
        String cleanName = name == null ? "" : name.strip();
        if (roles.existsByNameIgnoreCase(cleanName)) {
            throw new TaskBankException("A role called '" + cleanName + "' already exists.");
        }
        String key = Keys.unique(cleanName, k -> roles.findByKey(k).isPresent());
        JobRole role = roles.save(JobRole.create(key, cleanName, description, clock.instant()));
        rubricVersions.append(role, criteria);
        log.info("Role {} created", role.getKey());
        return detail(role);
    }

    public RoleDetail describe(long id, String name, String description) {
        JobRole role = load(id);
        String cleanName = name == null ? "" : name.strip();
        if (!role.getName().equalsIgnoreCase(cleanName) && roles.existsByNameIgnoreCase(cleanName)) {
            throw new TaskBankException("A role called '" + cleanName + "' already exists.");
        }
        role.describe(cleanName, description, clock.instant());
        return detail(role);
    }

    /**
     * Saves the role's rubric: the current version is edited in place unless an assessment has frozen
     * it, in which case the criteria become a new version and the frozen one stays as it was.
     */
    public RubricSaved saveRubric(long roleId, List<RubricCriterion> criteria) {
        JobRole role = load(roleId);
        RubricVersion current = rubrics.findFirstByRoleIdOrderByNumberDesc(roleId).orElseThrow();
        if (current.criteria().equals(criteria)) {
            return new RubricSaved(RubricVersions.view(current), false, current.getNumber());
        }
        if (!current.isFrozen()) {
            current.edit(criteria);
            return new RubricSaved(RubricVersions.view(current), false, current.getNumber());
        }
        RubricVersion next = rubricVersions.append(role, criteria);
        log.info("Rubric of role {} saved as version {}", role.getKey(), next.getNumber());
        return new RubricSaved(RubricVersions.view(next), true, current.getNumber());
    }

    private JobRole load(long id) {
        return roles.findById(id).orElseThrow(() -> new TaskBankException("This role no longer exists."));
    }

    private RoleDetail detail(JobRole role) {
        List<RubricView> versions = rubrics.findByRoleIdOrderByNumberDesc(role.getId()).stream()
                .map(RubricVersions::view).toList();
        return new RoleDetail(role.getId(), role.getKey(), role.getName(), role.getDescription(), role.getVersion(),
                versions);
    }
}
