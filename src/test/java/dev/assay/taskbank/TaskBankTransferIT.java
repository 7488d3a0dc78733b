package dev.assay.taskbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.support.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class TaskBankTransferIT extends DatabaseTest {

    @Autowired
    TaskBankTransfer transfer;

    @Autowired
    TaskBankService bank;

    @Autowired
    JobRoleService roles;

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A small valid file with one role and one critique task; {@code flawSegment} lets tests break it. */
    private static String file(String suffix, int flawSegment) {
        return """
                format: assay-task-bank/1
                roles:
                  - key: tester-%1$s
                    name: Tester %1$s
                    description: Tests software.
                    rubric-versions:
                      - criteria:
                          - key: ai-critique
                            name: Critique of AI output
                            measures: Finds errors in AI output.
                            weight: 10
                            levels: {1: Finds none., 3: Finds some., 5: Finds all and explains each.}
                tasks:
                  - key: memo-%1$s
                    kind: ai-output-critique
                    versions:
                      - status: published
                        title: Review the release notes %1$s
                        roles: [tester-%1$s]
                        criteria: [ai-critique]
                        difficulty: introductory
                        time-limit-minutes: 20
                        tags: [release]
                        instructions: Flag the errors.
                        scenario: An assistant drafted release notes.
                        prompt: Write release notes for 2.1 (3 fixes).
                        segments: [Release 2.1 is out., It has 4 fixes., Upgrade now.]
                        flaws:
                          - segments: [%2$d]
                            category: wrong-calculation
                            explanation: The prompt says 3 fixes.
                """.formatted(suffix, flawSegment);
    }

    @Test
    void theStarterLibraryImportsCleanlyAndImportingItAgainChangesNothing() {
        transfer.importStarterLibrary();

        ImportReport again = transfer.importStarterLibrary();

        assertThat(again.changedNothing()).isTrue();
        assertThat(again.versionsUnchanged()).isGreaterThanOrEqualTo(18 + 6);
        for (TaskKind kind : TaskKind.values()) {
            assertThat(bank.count(new TaskFilter(null, null, kind, TaskStatus.PUBLISHED, null, null)))
                    .as(kind.label()).isGreaterThanOrEqualTo(5);
        }
        assertThat(roles.list()).extracting(RoleSummary::key).contains("data-analyst", "marketing-specialist",
                "customer-success-manager", "hr-generalist", "finance-analyst", "software-engineer");
    }

    @Test
    void aValidFileIsImportedOnceAndAChangedVersionIsAddedAsTheNextVersion() {
        String s = id();
        ImportReport first = transfer.importBank(yaml(file(s, 2)));
        assertThat(first).isEqualTo(new ImportReport(1, 0, 1, 1, 1, 0));

        assertThat(transfer.importBank(yaml(file(s, 2))).changedNothing()).isTrue();

        ImportReport changed = transfer.importBank(yaml(file(s, 2).replace("Upgrade now.", "Upgrade today.")));
        assertThat(changed.taskVersionsAdded()).isEqualTo(1);
        TaskSummary task = bank.search(new TaskFilter("memo-" + s, null, null, null, null, null), 0, 5,
                TaskBankService.SortBy.TITLE, true).getFirst();
        assertThat(task.latestVersion()).isEqualTo(2);
        assertThat(task.publishedVersion()).isEqualTo(2);
    }

    @Test
    void anExportImportsBackIntoTheSameBankWithoutChangingAnything() {
        String s = id();
        transfer.importBank(yaml(file(s, 2)));
        // Content written in code (optional text left null) must survive the round trip unchanged too.
        TaskContent fromCode = TaskSamples.critique("Round trip " + s, "tester-" + s);
        TaskDetail draft = bank.create(fromCode.kind(), fromCode);
        bank.publish(draft.id(), fromCode, draft.lockVersion());
        bank.saveDraft(draft.id(), TaskSamples.critique("Round trip draft " + s, "tester-" + s),
                bank.get(draft.id()).lockVersion());
        String exported = transfer.exportBank();

        assertThat(exported).startsWith("format: assay-task-bank/1").contains("rubric-versions:", "hash: ");
        ImportReport report = transfer.importBank(yaml(exported));
        assertThat(report.changedNothing()).as(report.summary()).isTrue();
    }

    @Test
    void aBrokenFileImportsNothingAndNamesEveryProblemWithItsLocation() {
        String s = id();
        String broken = file(s, 12).replace("time-limit-minutes: 20", "time-limit-minutes: twenty")
                + """
                  - key: other-%1$s
                    kind: workflow-design
                    versions:
                      - status: published
                        title: Plan it
                        roles: [nobody-%1$s]
                        criteria: [ai-critique]
                        difficulty: easy
                        time-limit-minutes: 20
                        instructions: Plan.
                        scenario: S.
                        goal: G.
                        strong-answer: A.
                        colour: blue
                  - key: memo-%1$s
                    kind: ai-output-critique
                    versions: []
                """.formatted(s);
        long before = bank.count(TaskFilter.none());

        assertThatThrownBy(() -> transfer.importBank(yaml(broken)))
                .isInstanceOfSatisfying(TaskBankException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Nothing was imported");
                    assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                            "tasks[0].versions[0].time-limit-minutes: must be a whole number, not the text 'twenty'",
                            "tasks[0].versions[0].time-limit-minutes: must be from 5 to 240 minutes (it is 0)",
                            "tasks[0].versions[0].flaws[0].segments: segment 12 does not exist (the output has 3 segments)",
                            "tasks[1].versions[0].difficulty: 'easy' is not a difficulty (introductory, intermediate, advanced)",
                            "tasks[1].versions[0].colour: unknown field",
                            "tasks[1].versions[0].roles[0]: there is no role 'nobody-" + s + "'",
                            "tasks[1].versions[0].difficulty: choose a difficulty",
                            "tasks[2].key: task 'memo-" + s + "' appears more than once in the file");
                });
        assertThat(bank.count(TaskFilter.none())).isEqualTo(before);
        assertThat(roles.list()).extracting(RoleSummary::key).doesNotContain("tester-" + s);
    }

    @Test
    void controlAndInvisibleCharactersInNamesAndTitlesAreRefusedWithTheirLocation() {
        String s = id();
        // YAML escapes: a BEL in the task title, a right-to-left override in the role name.
        String hostile = file(s, 2).replace("title: Review the release notes " + s,
                        "title: \"Review the release notes\\a " + s + "\"")
                .replace("name: Tester " + s, "name: \"Tester\\u202E " + s + "\"");
        assertThatThrownBy(() -> transfer.importBank(yaml(hostile)))
                .isInstanceOfSatisfying(TaskBankException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .anyMatch(p -> p.startsWith("roles[0].name: contains an invisible or control character (U+202E"))
                        .anyMatch(p -> p.startsWith("tasks[0].versions[0].title: contains an invisible or control "
                                + "character (U+0007")));
        assertThat(roles.list()).extracting(RoleSummary::key).doesNotContain("tester-" + s);
    }

    @Test
    void hostileAndMalformedFilesAreRefusedWithAMessage() {
        String laughs = """
                format: assay-task-bank/1
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                """;
        assertThatThrownBy(() -> transfer.importBank(yaml(laughs))).hasMessageContaining("anchors and aliases")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> transfer.importBank(new byte[TaskBankTransfer.MAX_BYTES + 1]))
                .hasMessage("The file is 5.0 MB; the limit is 5 MB.");
        assertThatThrownBy(() -> transfer.importBank(yaml("format: assay-task-bank/1\nroles: [\n")))
                .hasMessageStartingWith("Nothing was imported: line ");
        assertThatThrownBy(() -> transfer.importBank(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> transfer.importBank(yaml("format: assay-task-bank/1\nroles: []\nroles: []\n")))
                .hasMessageContaining("duplicate key roles");
        assertThatThrownBy(() -> transfer.importBank(yaml("!!javax.script.ScriptEngineManager [x]")))
                .isInstanceOf(TaskBankException.class);
        assertThatThrownBy(() -> transfer.importBank(yaml("- just\n- a list\n")))
                .isInstanceOfSatisfying(TaskBankException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly("must be a mapping of fields, not a list"));
        assertThatThrownBy(() -> transfer.importBank(yaml("format: other/2\nroles: {}\n")))
                .isInstanceOfSatisfying(TaskBankException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString).containsExactly(
                                "format: 'other/2' is not a format this version reads (expected assay-task-bank/1)",
                                "roles: must be a list, not a mapping"));
    }

    @Test
    void aTaskKeyCannotChangeItsKindOnImport() {
        String s = id();
        transfer.importBank(yaml(file(s, 2)));

        assertThatThrownBy(() -> transfer.importBank(yaml(file(s, 2).replace("kind: ai-output-critique",
                "kind: workflow-design"))))
                .isInstanceOfSatisfying(TaskBankException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).contains("tasks[0].kind"));
        assertThat(List.of(transfer.exportBank())).allMatch(x -> x.contains("memo-" + s));
    }
}
