package dev.assay.attempt.selfid;

import dev.assay.attempt.SelfIdentification;
import java.util.Map;

/** Self-identification answers of an assessment's candidates, by invitation id, to be counted in totals only. */
public interface SelfIdentifiedAnswers {

    /** The answers given for the assessment's invitations; an invitation whose candidate did not answer is absent. */
    Map<Long, SelfIdentification> byInvitation(long assessmentId);
}
