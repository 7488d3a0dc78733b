package dev.assay.attempt;

import dev.assay.attempt.internal.AnswerJson;
import dev.assay.attempt.internal.Attempt;
import dev.assay.attempt.internal.AttemptRepository;
import dev.assay.attempt.internal.Transcripts;
import dev.assay.taskbank.TaskKind;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.taskbank.TaskVersionView;
import dev.assay.taskbank.port.TaskVersions;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attempt module's port. Unguarded by design: review and ranking call it after deciding who may see a
 * submission; recruiters reach the same reads through {@link AttemptService}, which checks their role.
 */
@Component
@Transactional(readOnly = true)
class AttemptPorts implements SubmittedWork {

    private final AttemptRepository attempts;
    private final TaskVersions tasks;
    private final Transcripts transcripts;

    AttemptPorts(AttemptRepository attempts, TaskVersions tasks, Transcripts transcripts) {
        this.attempts = attempts;
        this.tasks = tasks;
        this.transcripts = transcripts;
    }

    @Override
    public List<SubmittedAttempt> submitted(long assessmentId) {
        return attempts.findSubmitted(assessmentId).stream()
                .map(a -> new SubmittedAttempt(a.getId(), a.getInvitationId(), a.getAssessmentId(), a.getSubmittedAt()))
                .toList();
    }

    @Override
    public SubmittedResponse response(long attemptId) {
        Attempt attempt = attempts.findById(attemptId).filter(Attempt::isSubmitted)
                .orElseThrow(() -> new AttemptException("This attempt does not exist or has not been submitted."));
        return new SubmittedResponse(attempt.getId(), attempt.getInvitationId(), attempt.getAssessmentId(),
                attempt.getSubmittedAt(), attempt.isSubmittedAutomatically(), attempt.getTasks().stream().map(t -> {
                    TaskVersionView version = tasks.version(t.getTaskVersionId());
                    boolean answered = t.getAnswerJson() != null;
                    Answer answer = answered ? AnswerJson.read(t.getAnswerJson()) : Answer.empty(version.kind());
                    List<AssistantTurn> transcript = version.kind() == TaskKind.AI_COLLABORATION
                            ? transcripts.turns(attempt.getId(), t.getPosition()) : List.of();
                    return new SubmittedResponse.TaskResponse(t.getPosition(), t.getTaskVersionId(), answer, answered,
                            new IntegritySignals(t.getPosition(), t.getActiveSeconds(), t.getPasteCount(),
                                    t.getPastedChars(), t.getFocusLosses()), transcript);
                }).toList());
    }
}
