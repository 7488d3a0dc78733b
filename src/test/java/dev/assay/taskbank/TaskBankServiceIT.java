package dev.assay.taskbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class TaskBankServiceIT extends DatabaseTest {

    @Autowired
    JobRoleService roles;

    @Autowired
    TaskBankService bank;

    @Autowired
    AssessmentService assessments;

    private RoleDetail newRole() {
        return roles.create("Analyst " + UUID.randomUUID().toString().substring(0, 8),
                "Turns data into decisions.", DefaultCompetencyModel.criteria());
    }

    private TaskDetail published(TaskContent content) {
        TaskDetail draft = bank.create(content.kind(), content);
        return bank.publish(draft.id(), content, draft.lockVersion());
    }

    @Test
    void aNewRoleStartsWithTheDefaultCompetencyModelAsRubricVersionOne() {
        RoleDetail role = newRole();

        assertThat(role.key()).startsWith("analyst-");
        assertThat(role.currentRubric().number()).isEqualTo(1);
        assertThat(role.currentRubric().criteria()).isEqualTo(DefaultCompetencyModel.criteria());
        assertThat(roles.list()).extracting(RoleSummary::key).contains(role.key());
    }

    @Test
    void editingAPublishedTaskCreatesANewDraftAndLeavesThePublishedVersionAsItWas() {
        RoleDetail role = newRole();
        TaskDetail v1 = published(TaskSamples.workflow("Churn report " + role.key(), role.key()));

        TaskDetail edited = bank.saveDraft(v1.id(), TaskSamples.workflow("Churn report, revised", role.key()), v1.lockVersion());

        assertThat(edited.summary().latestVersion()).isEqualTo(2);
        assertThat(edited.summary().publishedVersion()).isEqualTo(1);
        assertThat(edited.summary().draftChanges()).isTrue();
        assertThat(edited.versions()).extracting(TaskVersionInfo::published).containsExactly(false, true);
        assertThat(edited.versions().get(1).contentHash()).isEqualTo(v1.versions().getFirst().contentHash());
    }

    @Test
    void aDraftVersionIsAlwaysReadAfreshWhileAPublishedOneIsTheSameEveryTime() {
        RoleDetail role = newRole();
        TaskDetail draft = bank.create(TaskKind.WORKFLOW_DESIGN, TaskSamples.workflow("First words", role.key()));
        long draftId = draft.versions().getFirst().id();
        assertThat(bank.version(draftId).content().title()).isEqualTo("First words");
        TaskDetail saved = bank.saveDraft(draft.id(), TaskSamples.workflow("Second words", role.key()), draft.lockVersion());
        assertThat(bank.version(draftId).content().title()).as("a draft is never served from memory")
                .isEqualTo("Second words");

        TaskDetail published = bank.publish(saved.id(), TaskSamples.workflow("Final words", role.key()), saved.lockVersion());
        long publishedId = published.summary().publishedVersionId();
        assertThat(bank.version(publishedId).content().title()).isEqualTo("Final words");
        bank.saveDraft(published.id(), TaskSamples.workflow("Later edit", role.key()), published.lockVersion());
        assertThat(bank.version(publishedId).content().title()).as("edits go into a new version")
                .isEqualTo("Final words");
        assertThat(bank.version(publishedId)).isSameAs(bank.version(publishedId));
    }

    @Test
    void aSaveBasedOnAStaleCopyIsRefusedInsteadOfOverwritingSomeoneElsesWork() {
        RoleDetail role = newRole();
        TaskDetail opened = bank.create(TaskKind.WORKFLOW_DESIGN, TaskSamples.workflow("Shared draft", role.key()));
        bank.saveDraft(opened.id(), TaskSamples.workflow("Colleague's edit", role.key()), opened.lockVersion());

        assertThatThrownBy(() -> bank.saveDraft(opened.id(), TaskSamples.workflow("My edit", role.key()),
                opened.lockVersion())).isInstanceOf(TaskBankException.class).hasMessageContaining("Someone else saved");
        assertThat(bank.get(opened.id()).content().title()).isEqualTo("Colleague's edit");
    }

    @Test
    void publishingIncompleteContentListsEveryMissingPart() {
        TaskContent blank = TaskContent.blank(TaskKind.AUTOMATION_PLAN);
        TaskContent titled = new TaskContent("Half-written", List.of(), List.of(), blank.difficulty(), 30, List.of(), "",
                null, blank.automation(), null);
        TaskDetail draft = bank.create(TaskKind.AUTOMATION_PLAN, titled);

        assertThatThrownBy(() -> bank.publish(draft.id(), titled, draft.lockVersion()))
                .isInstanceOfSatisfying(TaskBankException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .contains("roles", "criteria", "instructions", "scenario", "work-log", "guidance"));
        assertThat(bank.get(draft.id()).summary().status()).isEqualTo(TaskStatus.DRAFT);
    }

    @Test
    void theTaskBankIsFilteredAndPagedInTheDatabase() {
        RoleDetail role = newRole();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(published(TaskSamples.critique(String.format("Memo %02d", i), role.key())).id());
        }
        published(TaskSamples.workflow("Flow", role.key()));
        bank.retire(ids.get(6));
        TaskFilter critiques = new TaskFilter(null, role.key(), TaskKind.AI_OUTPUT_CRITIQUE, TaskStatus.PUBLISHED, null, null);

        assertThat(bank.count(critiques)).isEqualTo(6);
        assertThat(bank.search(critiques, 0, 4, TaskBankService.SortBy.TITLE, true)).extracting(TaskSummary::title)
                .containsExactly("Memo 00", "Memo 01", "Memo 02", "Memo 03");
        assertThat(bank.search(critiques, 4, 4, TaskBankService.SortBy.TITLE, true)).extracting(TaskSummary::title)
                .containsExactly("Memo 04", "Memo 05");
        assertThat(bank.count(new TaskFilter("memo 0", role.key(), null, TaskStatus.RETIRED, null, null))).isEqualTo(1);
        assertThat(bank.count(new TaskFilter(null, role.key(), null, null, "memo", null))).isEqualTo(7);
        assertThat(bank.count(new TaskFilter("%", null, null, null, null, null))).isZero();
    }

    @Test
    void anExposureLimitTakesATaskOutOfRandomPools() {
        RoleDetail role = newRole();
        TaskDetail task = published(TaskSamples.automation("Week log", role.key()));

        assertThat(assessments.poolSize(role.key(), TaskKind.AUTOMATION_PLAN, null, null)).isEqualTo(1);
        bank.limitExposure(task.id(), 1);
        assertThat(bank.count(new TaskFilter(null, role.key(), null, null, null, ExposureFilter.LIMITED))).isEqualTo(1);
        assertThat(bank.count(new TaskFilter(null, role.key(), null, null, null, ExposureFilter.NEVER_SERVED))).isEqualTo(1);
    }

    @Test
    void openingAnAssessmentFreezesItsRubricSoEditsBecomeANewVersion() {
        RoleDetail role = newRole();
        TaskDetail task = published(TaskSamples.workflow("Flow", role.key()));
        AssessmentView draft = assessments.create(new AssessmentSpec("Analyst screen", role.id(), 45, "Welcome.", true,
                List.of(SlotSpec.fixed(task.summary().publishedVersionId()))));
        List<RubricCriterion> edited = new ArrayList<>(DefaultCompetencyModel.criteria());
        edited.removeLast();

        assertThat(roles.saveRubric(role.id(), edited).newVersion()).as("not frozen yet: edited in place").isFalse();
        assessments.open(draft.id());
        RubricSaved saved = roles.saveRubric(role.id(), DefaultCompetencyModel.criteria());

        assertThat(saved.newVersion()).isTrue();
        assertThat(saved.rubric().number()).isEqualTo(2);
        RoleDetail after = roles.get(role.id());
        assertThat(after.rubricVersions()).extracting(RubricView::frozen).containsExactly(false, true);
        assertThat(after.rubricVersions().get(1).criteria()).hasSize(DefaultCompetencyModel.criteria().size() - 1);
        assertThat(assessments.get(draft.id()).rubricVersionNumber()).isEqualTo(1);
        assertThatThrownBy(() -> assessments.update(draft.id(), draft.spec()))
                .isInstanceOf(TaskBankException.class).hasMessageContaining("can no longer be changed");
    }

    @Test
    void anAssessmentOpensOnlyWhenEverySlotCanBeFilled() {
        RoleDetail role = newRole();
        TaskDetail flow = published(TaskSamples.workflow("Flow", role.key()));
        published(TaskSamples.critique("Memo A", role.key()));
        AssessmentSpec tooGreedy = new AssessmentSpec("Screen", role.id(), 60, "Hello.", false, List.of(
                SlotSpec.fixed(flow.summary().publishedVersionId()),
                SlotSpec.random(2, role.key(), TaskKind.AI_OUTPUT_CRITIQUE, null, null)));

        assertThat(assessments.problems(tooGreedy)).extracting(Problem::message)
                .containsExactly("Slot 2 picks 2 but only 1 published task matches its filters. Publish more tasks or widen the filters.");
        AssessmentView saved = assessments.create(tooGreedy);
        assertThatThrownBy(() -> assessments.open(saved.id())).isInstanceOf(TaskBankException.class);

        // Two random slots of any kind, each satisfiable on its own, compete for the same tasks as the fixed slot.
        AssessmentSpec overlapping = new AssessmentSpec("Screen", role.id(), 60, "Hello.", false, List.of(
                SlotSpec.fixed(flow.summary().publishedVersionId()),
                SlotSpec.random(2, role.key(), null, null, null),
                SlotSpec.random(1, role.key(), null, null, null)));
        assertThat(assessments.problems(overlapping)).extracting(Problem::path).containsExactly("slots");

        published(TaskSamples.critique("Memo B", role.key()));
        assertThat(assessments.problems(overlapping)).as("3 places and the fixed task need 4 tasks").hasSize(1);
        published(TaskSamples.automation("Week log", role.key()));
        assertThat(assessments.problems(overlapping)).isEmpty();
        assertThat(assessments.open(assessments.update(saved.id(), overlapping).id()).status())
                .isEqualTo(AssessmentStatus.OPEN);
    }

    @Test
    void eachCandidateGetsDistinctTasksAndEveryServedTaskCountsTowardsItsExposureLimit() {
        RoleDetail role = newRole();
        TaskDetail flow = published(TaskSamples.workflow("Flow", role.key()));
        List<TaskDetail> memos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            memos.add(published(TaskSamples.critique("Memo " + i, role.key())));
        }
        bank.limitExposure(memos.get(0).id(), 1);
        AssessmentView view = assessments.create(new AssessmentSpec("Screen", role.id(), 60, "Hello.", false, List.of(
                SlotSpec.fixed(flow.summary().publishedVersionId()),
                SlotSpec.random(2, role.key(), TaskKind.AI_OUTPUT_CRITIQUE, null, null))));
        assessments.open(view.id());

        java.util.Map<Long, Integer> served = new java.util.HashMap<>();
        for (int candidate = 0; candidate < 2; candidate++) {
            List<DrawnTask> drawn = assessments.draw(view.id());
            assertThat(drawn).extracting(DrawnTask::slot).containsExactly(0, 1, 1);
            assertThat(drawn.getFirst().taskVersionId()).isEqualTo(flow.summary().publishedVersionId());
            assertThat(drawn).extracting(DrawnTask::taskId).doesNotHaveDuplicates();
            drawn.forEach(d -> served.merge(d.taskId(), 1, Integer::sum));
        }

        assertThat(bank.get(flow.id()).summary().exposureCount()).isEqualTo(2);
        assertThat(served.getOrDefault(memos.get(0).id(), 0)).as("limited to one candidate").isLessThanOrEqualTo(1);
        int memoServes = memos.stream().mapToInt(m -> bank.get(m.id()).summary().exposureCount()).sum();
        assertThat(memoServes).isEqualTo(4);
        assertThat(assessments.draw(view.id())).hasSize(3);
        assertThat(bank.get(memos.get(0).id()).summary().exposureCount()).isLessThanOrEqualTo(1);

        // Cap the other two memos where they are: only one memo (at most) is left for a slot that needs two.
        for (TaskDetail memo : memos.subList(1, 3)) {
            bank.limitExposure(memo.id(), bank.get(memo.id()).summary().exposureCount());
        }
        assertThatThrownBy(() -> assessments.draw(view.id())).isInstanceOf(TaskBankException.class)
                .hasMessageContaining("not enough tasks left");
    }

    @Test
    void aDraftAssessmentServesNoTasks() {
        RoleDetail role = newRole();
        TaskDetail flow = published(TaskSamples.workflow("Flow", role.key()));
        AssessmentView view = assessments.create(new AssessmentSpec("Screen", role.id(), 60, "Hello.", false,
                List.of(SlotSpec.fixed(flow.summary().publishedVersionId()))));

        assertThatThrownBy(() -> assessments.draw(view.id())).hasMessageContaining("not open");
        assertThat(bank.get(flow.id()).summary().exposureCount()).isZero();
    }

    @Test
    void anAssessmentNeedsTasksATitleAndASensibleTimeLimit() {
        RoleDetail role = newRole();

        assertThat(assessments.problems(new AssessmentSpec(" ", role.id(), 5, "", true, List.of())))
                .extracting(Problem::path).containsExactly("title", "totalMinutes", "intro", "slots");
    }

    @Test
    @WithMockUser(roles = "REVIEWER")
    void onlyRecruitersCurateTheBank() {
        assertThatThrownBy(() -> bank.count(TaskFilter.none())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roles.list()).isInstanceOf(AccessDeniedException.class);
    }
}
