package dev.assay.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.assistant.TextEmbedder;
import dev.assay.assistant.internal.MiniLmEmbedderForTests;
import dev.assay.attempt.Answer;
import dev.assay.attempt.AssistantTurn;
import dev.assay.review.CollaborationEvidence.Outcome;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flaw propagation on hand cases, with the real embedding model: the flawed figure pasted, reformatted, corrected,
 * a flawed claim reworded, dropped, and a flaw never served; and the checking, directing and copying facts.
 */
class CollaborationEvidenceTest {

    static final TextEmbedder EMBEDDER = new MiniLmEmbedderForTests();
    static final TaskContent.AiCollaboration TASK = TaskSamples.collaboration("S", "analyst").collaboration();
    static final String DRAFT = TASK.assistant().intent("draft-summary").orElseThrow().reply();

    static AssistantTurn turn(int n, String prompt, String intent, String reply, List<Integer> flaws) {
        return new AssistantTurn(0, n, prompt, reply, intent == null ? AssistantTurn.Source.FALLBACK
                : AssistantTurn.Source.PLAYBOOK, intent, intent == null ? null : 0.8, flaws, Instant.EPOCH, 5);
    }

    static final List<AssistantTurn> DRAFTED = List.of(turn(1, "Draft the summary for the director", "draft-summary",
            DRAFT, List.of(1, 2)));

    static CollaborationEvidence evidence(String deliverable, List<AssistantTurn> transcript) {
        return CollaborationEvidence.of(TASK, new Answer(null, null, null, new Answer.Collaboration(deliverable, "")),
                transcript, EMBEDDER);
    }

    static Outcome outcome(CollaborationEvidence e, int flaw) {
        return e.flaws().get(flaw - 1).outcome();
    }

    @Test
    void thePastedDraftShipsBothFlawsAndIsAllCopied() {
        CollaborationEvidence e = evidence(DRAFT, DRAFTED);
        assertThat(outcome(e, 1)).isEqualTo(Outcome.REACHED);
        assertThat(outcome(e, 2)).isEqualTo(Outcome.REACHED);
        assertThat(e.flaws().getFirst().how()).isEqualTo("the flawed text itself");
        assertThat(e.flaws().getFirst().servedInTurn()).isEqualTo(1);
        assertThat(e.copiedShare()).isEqualTo(1.0);
        assertThat(e.reached()).isEqualTo(2);
    }

    @Test
    void aReformattedFigureIsStillTheFlawedFigure() {
        CollaborationEvidence e = evidence("Sales reached 120 units in Q3, an increase of 25.0 percent over Q2.",
                DRAFTED);
        assertThat(outcome(e, 1)).isEqualTo(Outcome.REACHED);
        assertThat(e.flaws().getFirst().excerpt()).contains("25.0 percent");
        assertThat(outcome(e, 2)).isEqualTo(Outcome.NOT_REPEATED);
    }

    @Test
    void theCorrectFigureCountsAsCorrected() {
        CollaborationEvidence e = evidence("Q3 sales were 120 units, 20% more than the 100 units sold in Q2. "
                + "The materials do not say why.", DRAFTED);
        assertThat(outcome(e, 1)).isEqualTo(Outcome.CORRECTED);
        assertThat(outcome(e, 2)).isEqualTo(Outcome.NOT_REPEATED);
        assertThat(e.copiedShare()).isEqualTo(0.0);
    }

    @Test
    void aRewordedClaimIsFoundByMeaning() {
        CollaborationEvidence e = evidence("Q3 sales were 120 units, 20% above Q2. The growth was driven by the new "
                + "prices, which customers clearly like.", DRAFTED);
        assertThat(outcome(e, 1)).isEqualTo(Outcome.CORRECTED);
        assertThat(outcome(e, 2)).isEqualTo(Outcome.REACHED);
        assertThat(e.flaws().get(1).how()).startsWith("a sentence close in meaning");
    }

    @Test
    void aFlawNeverServedIsReportedAsSuchWhateverTheDeliverableSays() {
        CollaborationEvidence e = evidence("Sales grew 25% because of the new pricing.", List.of(
                turn(1, "Check the growth rate", "check-growth", "From 100 to 120 units is 20%.", List.of())));
        assertThat(e.flaws()).extracting(CollaborationEvidence.FlawTrace::outcome)
                .containsExactly(Outcome.NOT_SERVED, Outcome.NOT_SERVED);
        assertThat(e.served()).isZero();
        assertThat(e.checkTurns()).containsExactly(1);
    }

    @Test
    void checkingDirectingAndFollowUpsAreCountedFromThePrompts() {
        List<AssistantTurn> transcript = List.of(
                turn(1, "Draft a two-sentence summary for the sales director, plain language", "draft-summary", DRAFT,
                        List.of(1, 2)),
                turn(2, "Make it shorter", "shorter", "Q3 sales rose 25% to 120 units.", List.of(1)),
                turn(3, "Are you sure about 25%? Q2 was 100 and Q3 120", "check-growth",
                        "From 100 to 120 units is an increase of 20 units, which is 20% of Q2.", List.of()),
                turn(4, "What is the capital of Peru?", null, "I can draft the summary or check its figures.",
                        List.of()));
        CollaborationEvidence e = evidence("Q3 sales were 120 units, 20% more than in Q2.", transcript);
        assertThat(e.turns()).isEqualTo(4);
        assertThat(e.checkTurns()).containsExactly(3);
        assertThat(e.contextTurns()).contains(1, 3);
        assertThat(e.followUpTurns()).contains(2);
        assertThat(e.fallbacks()).isEqualTo(1);
        assertThat(e.playbookReplies()).isEqualTo(3);
        assertThat(outcome(e, 1)).isEqualTo(Outcome.CORRECTED);
    }

    @Test
    void anotherKindOfTaskHasNoEvidence() {
        assertThat(CollaborationEvidence.of(null, new Answer(null, null, null, new Answer.Collaboration("x", "")),
                List.of(), EMBEDDER)).isNull();
    }
}
