package dev.assay.attempt.port;

import dev.assay.attempt.SubmittedAttempt;
import dev.assay.attempt.SubmittedResponse;
import java.util.List;

/** Submitted attempts and their answers. */
public interface SubmittedWork {

    /** Submitted attempts of an assessment, oldest first. */
    List<SubmittedAttempt> submitted(long assessmentId);

    /** A submitted attempt's answers and signals. */
    SubmittedResponse response(long attemptId);
}
