package dev.assay.taskbank;

import dev.assay.base.SystemAuthentication;
import dev.assay.base.Utf8;
import dev.assay.taskbank.internal.BankReader;
import dev.assay.taskbank.internal.BankReader.Bank;
import dev.assay.taskbank.internal.BankReader.RoleEntry;
import dev.assay.taskbank.internal.BankReader.TaskEntry;
import dev.assay.taskbank.internal.BankReader.VersionEntry;
import dev.assay.taskbank.internal.BankWriter;
import dev.assay.taskbank.internal.ContentJson;
import dev.assay.taskbank.internal.JobRole;
import dev.assay.taskbank.internal.JobRoleRepository;
import dev.assay.taskbank.internal.RoleCatalogs;
import dev.assay.taskbank.internal.RubricVersion;
import dev.assay.taskbank.internal.RubricVersionRepository;
import dev.assay.taskbank.internal.RubricVersions;
import dev.assay.taskbank.internal.Task;
import dev.assay.taskbank.internal.TaskRepository;
import dev.assay.taskbank.internal.TaskVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Exports the whole task bank to one YAML file and imports such files, all or nothing
 * (format: docs/task-bank-format.md).
 */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class TaskBankTransfer {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROLES = 200;
    public static final int MAX_TASKS = 2_000;
    public static final String STARTER_LIBRARY = "starter/starter-bank.yaml";

    private static final Logger log = LoggerFactory.getLogger(TaskBankTransfer.class);

    private final JobRoleRepository roles;
    private final RubricVersionRepository rubrics;
    private final RubricVersions rubricVersions;
    private final TaskRepository tasks;
    private final RoleCatalogs catalogs;
    private final Clock clock;

    TaskBankTransfer(JobRoleRepository roles, RubricVersionRepository rubrics, RubricVersions rubricVersions,
            TaskRepository tasks, RoleCatalogs catalogs, Clock clock) {
        this.roles = roles;
        this.rubrics = rubrics;
        this.rubricVersions = rubricVersions;
        this.tasks = tasks;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** The whole bank: every role with all its rubric versions, every task with all its versions. */
    @Transactional(readOnly = true)
    public String exportBank() {
        Map<String, Object> bank = new LinkedHashMap<>();
        bank.put("format", BankReader.FORMAT);
        List<Object> roleList = new ArrayList<>();
        for (JobRole role : roles.findAll(Sort.by("key"))) {
            roleList.add(BankWriter.role(role, rubrics.findByRoleIdOrderByNumberDesc(role.getId()).reversed()));
        }
        bank.put("roles", roleList);
        bank.put("tasks", tasks.findAll(Sort.by("key")).stream().map(BankWriter::task).toList());
        return BankWriter.dump(bank);
    }

    /** The starter library that ships with Assay: realistic tasks for six roles, ready to publish. */
    public ImportReport importStarterLibrary() {
        try (InputStream in = TaskBankTransfer.class.getClassLoader().getResourceAsStream(STARTER_LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("The starter library is missing from the application: " + STARTER_LIBRARY);
            }
            return importBank(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("The starter library could not be read", e);
        }
    }

    /**
     * Imports a bank file. Everything is checked first; if anything is wrong, nothing is written and the
     * exception lists every problem with its location in the file.
     */
    public ImportReport importBank(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new TaskBankException(String.format("The file is %.1f MB; the limit is %d MB.",
                    file.length / 1024.0 / 1024.0, MAX_BYTES / 1024 / 1024));
        }
        Object tree = parse(file);
        Problems problems = new Problems();
        Bank bank = new BankReader(problems).read(tree);
        if (bank.roles().size() > MAX_ROLES) {
            problems.add("roles", "a file can hold at most " + MAX_ROLES + " roles");
        }
        if (bank.tasks().size() > MAX_TASKS) {
            problems.add("tasks", "a file can hold at most " + MAX_TASKS + " tasks");
        }
        Map<String, Task> installedTasks = new HashMap<>();
        check(bank, problems, installedTasks);
        problems.throwIfAny("Nothing was imported: the file has " + problems.size()
                + (problems.size() == 1 ? " problem." : " problems."));
        ImportReport report = write(bank, installedTasks);
        log.info("Task bank imported: {}", report.summary());
        return report;
    }

    // ---- parsing -------------------------------------------------------------------------------------

    private static Object parse(byte[] file) {
        String text = Utf8.decodeStrictly(file).orElseThrow(() -> new TaskBankException(
                "The file is not UTF-8 text. Export it again, or save it as UTF-8."));
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            for (Event event : yaml.parse(new StringReader(text))) {
                if (event instanceof AliasEvent
                        || event instanceof ScalarEvent s && s.getAnchor() != null
                        || event instanceof CollectionStartEvent c && c.getAnchor() != null) {
                    throw new TaskBankException("Nothing was imported: " + at(event.getStartMark())
                            + "YAML anchors and aliases (& and *) are not allowed in a task bank file.");
                }
            }
            Object tree = yaml.load(text);
            if (tree == null) {
                throw new TaskBankException("The file is empty.");
            }
            return tree;
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() == null ? "the file is not valid YAML" : e.getProblem();
            throw new TaskBankException("Nothing was imported: " + at(e.getProblemMark()) + problem + ".");
        } catch (YAMLException e) {
            throw new TaskBankException("Nothing was imported: the file is not valid YAML (" + e.getMessage() + ").");
        }
    }

    private static String at(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    // ---- checking ------------------------------------------------------------------------------------

    private void check(Bank bank, Problems problems, Map<String, Task> installedTasks) {
        Map<String, Set<String>> catalog = new HashMap<>(catalogs.installed());
        Set<String> roleKeys = new HashSet<>();
        for (RoleEntry role : bank.roles()) {
            boolean validKey = Keys.isValid(role.key());
            if (!validKey) {
                problems.add(role.path() + ".key", "must be lower-case letters, digits and '-' (at most "
                        + Keys.MAX_LENGTH + " characters)");
            } else if (!roleKeys.add(role.key())) {
                problems.add(role.path() + ".key", "role '" + role.key() + "' appears more than once in the file");
                continue;
            }
            ContentRules.name(role.name(), ContentRules.MAX_NAME, role.path() + ".name", "missing", problems);
            if (role.description().isBlank()) {
                problems.add(role.path() + ".description", "missing");
            } else if (role.description().length() > JobRole.MAX_DESCRIPTION) {
                problems.add(role.path() + ".description", "at most " + JobRole.MAX_DESCRIPTION + " characters");
            }
            Set<String> criteria = new HashSet<>(catalog.getOrDefault(role.key(), Set.of()));
            for (int i = 0; i < role.rubricVersions().size(); i++) {
                List<RubricCriterion> version = role.rubricVersions().get(i);
                ContentRules.checkRubric(version, role.path() + ".rubric-versions[" + i + "].criteria", problems);
                if (i == role.rubricVersions().size() - 1) {
                    version.forEach(c -> criteria.add(c.key()));
                }
            }
            if (validKey) {
                catalog.put(role.key(), criteria);
            }
        }
        ContentRules.RoleCatalog roleCatalog = ContentRules.RoleCatalog.of(catalog);
        Set<String> taskKeys = new HashSet<>();
        for (TaskEntry task : bank.tasks()) {
            if (!Keys.isValid(task.key())) {
                problems.add(task.path() + ".key", "must be lower-case letters, digits and '-' (at most "
                        + Keys.MAX_LENGTH + " characters)");
                continue;
            }
            if (!taskKeys.add(task.key())) {
                problems.add(task.path() + ".key", "task '" + task.key() + "' appears more than once in the file");
                continue;
            }
            if (task.kind() == null) {
                continue;
            }
            if (task.exposureLimit() != null && task.exposureLimit() < 1) {
                problems.add(task.path() + ".exposure-limit", "at least 1; leave it out for no limit");
            }
            Optional<Task> installed = tasks.findByKey(task.key());
            installed.ifPresent(t -> installedTasks.put(task.key(), t));
            if (installed.isPresent() && installed.get().getKind() != task.kind()) {
                problems.add(task.path() + ".kind", "task '" + task.key() + "' is installed as a "
                        + installed.get().getKind().code() + " task and cannot become " + task.kind().code());
                continue;
            }
            for (int i = 0; i < task.versions().size(); i++) {
                VersionEntry v = task.versions().get(i);
                if (!v.published() && i < task.versions().size() - 1) {
                    problems.add(v.path() + ".status", "only the last version of a task may be a draft");
                }
                ContentRules.checkTask(task.kind(), v.content(), roleCatalog, v.published(), v.path(), problems);
            }
            if (installed.isPresent()) {
                Task t = installed.get();
                Set<String> hashes = t.getVersions().stream().map(TaskVersion::getContentHash).collect(Collectors.toSet());
                boolean bringsNew = task.versions().stream().anyMatch(v -> !hashes.contains(ContentJson.hash(v.content())));
                TaskVersion latest = t.getLatestVersion();
                if (bringsNew && latest != null && !latest.isPublished()) {
                    problems.add(task.path() + ".versions", "task '" + task.key() + "' has an unpublished draft (version "
                            + latest.getNumber() + ") in this installation; publish or discard it before importing new versions");
                }
            }
        }
    }

    // ---- writing -------------------------------------------------------------------------------------

    private ImportReport write(Bank bank, Map<String, Task> installedTasks) {
        int rolesAdded = 0;
        int rolesUpdated = 0;
        int rubricsAdded = 0;
        int tasksAdded = 0;
        int versionsAdded = 0;
        int unchanged = 0;
        for (RoleEntry entry : bank.roles()) {
            Optional<JobRole> installed = roles.findByKey(entry.key());
            JobRole role;
            if (installed.isEmpty()) {
                role = roles.save(JobRole.create(entry.key(), entry.name(), entry.description(), clock.instant()));
                rolesAdded++;
            } else {
                role = installed.get();
                if (!role.getName().equals(entry.name().strip()) || !role.getDescription().equals(entry.description().strip())) {
                    role.describe(entry.name(), entry.description(), clock.instant());
                    rolesUpdated++;
                }
            }
            Set<String> hashes = role.getId() == null ? new HashSet<>()
                    : rubrics.findByRoleIdOrderByNumberDesc(role.getId()).stream()
                            .map(RubricVersion::getContentHash).collect(Collectors.toCollection(HashSet::new));
            for (List<RubricCriterion> criteria : entry.rubricVersions()) {
                if (hashes.add(ContentJson.hash(criteria))) {
                    rubricVersions.append(role, criteria);
                    rubricsAdded++;
                } else {
                    unchanged++;
                }
            }
        }
        String by = SystemAuthentication.currentName();
        for (TaskEntry entry : bank.tasks()) {
            Task task = installedTasks.get(entry.key());
            if (task == null) {
                task = tasks.save(Task.create(entry.key(), entry.kind(), clock.instant()));
                tasksAdded++;
            }
            for (VersionEntry v : entry.versions()) {
                String hash = ContentJson.hash(v.content());
                Optional<TaskVersion> same = task.getVersions().stream()
                        .filter(existing -> existing.getContentHash().equals(hash)).findFirst();
                if (same.isPresent()) {
                    unchanged++;
                    continue;
                }
                task.saveDraft(v.content(), by, clock.instant());
                if (v.published()) {
                    task.publish(by, clock.instant());
                }
                versionsAdded++;
            }
            if (task.isRetired() != entry.retired()) {
                if (entry.retired()) {
                    task.retire(clock.instant());
                } else {
                    task.restore(clock.instant());
                }
            }
            if (!java.util.Objects.equals(task.getExposureLimit(), entry.exposureLimit())) {
                task.limitExposure(entry.exposureLimit(), clock.instant());
            }
            tasks.flush();
        }
        return new ImportReport(rolesAdded, rolesUpdated, rubricsAdded, tasksAdded, versionsAdded, unchanged);
    }
}
