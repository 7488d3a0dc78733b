package dev.assay.taskbank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskSamples;
import dev.assay.taskbank.TaskStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aPublishedVersionIsImmutableAndEditingItStartsANewDraftVersion() {
        Task task = Task.create("weekly-report", TaskKind.WORKFLOW_DESIGN, NOW);
        task.saveDraft(TaskSamples.workflow("Weekly report", "analyst"), "rhea", NOW);
        TaskVersion first = task.publish("rhea", NOW);

        assertThatThrownBy(() -> first.edit(TaskSamples.workflow("Changed", "analyst")))
                .isInstanceOf(TaskBankException.class).hasMessageContaining("published and cannot change");

        TaskVersion second = task.saveDraft(TaskSamples.workflow("Weekly report v2", "analyst"), "rhea", NOW);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getNumber()).isEqualTo(2);
        assertThat(first.content().title()).isEqualTo("Weekly report");
        assertThat(task.getPublishedVersion()).isSameAs(first);
        assertThat(task.hasDraftChanges()).isTrue();
        assertThat(task.status()).isEqualTo(TaskStatus.PUBLISHED);
    }

    @Test
    void aPublishedVersionIsKnownByTheHashOfItsContent() {
        Task a = Task.create("a", TaskKind.WORKFLOW_DESIGN, NOW);
        Task b = Task.create("b", TaskKind.WORKFLOW_DESIGN, NOW);
        a.saveDraft(TaskSamples.workflow("Same", "analyst"), "rhea", NOW);
        b.saveDraft(TaskSamples.workflow("Same", "analyst"), "ravi", NOW.plusSeconds(60));

        assertThat(a.publish("rhea", NOW).getContentHash()).isEqualTo(b.publish("ravi", NOW).getContentHash())
                .hasSize(64);
    }

    @Test
    void publishingUnchangedContentAgainIsRefused() {
        Task task = Task.create("t", TaskKind.AI_OUTPUT_CRITIQUE, NOW);
        task.saveDraft(TaskSamples.critique("Memo", "analyst"), "rhea", NOW);
        task.publish("rhea", NOW);
        task.saveDraft(TaskSamples.critique("Memo", "analyst"), "rhea", NOW);

        assertThatThrownBy(() -> task.publish("rhea", NOW)).isInstanceOf(TaskBankException.class)
                .hasMessageContaining("Nothing changed since version 1");
    }

    @Test
    void contentOfAnotherKindIsRefused() {
        Task task = Task.create("t", TaskKind.AUTOMATION_PLAN, NOW);

        assertThatThrownBy(() -> task.saveDraft(TaskSamples.workflow("W", "analyst"), "rhea", NOW))
                .isInstanceOf(TaskBankException.class).hasMessageContaining("cannot take Workflow design content");
    }

    @Test
    void aTaskIsServedOncePublishedUntilRetired() {
        // Counting exposures against the limit is one SQL statement (AttemptServiceIT races it).
        Task task = Task.create("t", TaskKind.AUTOMATION_PLAN, NOW);
        task.saveDraft(TaskSamples.automation("Week", "analyst"), "rhea", NOW);
        assertThat(task.isServable()).as("a draft is never served").isFalse();
        task.publish("rhea", NOW);
        task.limitExposure(2, NOW);
        assertThat(task.isServable()).as("published, under its limit").isTrue();
        assertThatThrownBy(() -> task.limitExposure(0, NOW)).isInstanceOf(TaskBankException.class);
        task.retire(NOW);
        assertThat(task.isServable()).isFalse();
        assertThat(task.status()).isEqualTo(TaskStatus.RETIRED);
    }

    @Test
    void discardingADraftGoesBackToThePublishedVersion() {
        Task task = Task.create("t", TaskKind.WORKFLOW_DESIGN, NOW);
        task.saveDraft(TaskSamples.workflow("One", "analyst"), "rhea", NOW);
        TaskVersion published = task.publish("rhea", NOW);
        task.saveDraft(TaskSamples.workflow("Two", "analyst"), "rhea", NOW);

        task.discardDraft(NOW);

        assertThat(task.getLatestVersion()).isSameAs(published);
        assertThat(task.getVersions()).hasSize(1);
    }
}
