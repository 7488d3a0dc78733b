package dev.assay.taskbank;

import java.util.Collection;
import java.util.Map;

/**
 * Where each assessment's candidates have got to: invitations, submissions, whether scoring is closed. The
 * modules downstream know this; the task bank shows it on the assessments list without calling them, by
 * asking whichever bean provides this interface (the review module does).
 */
public interface AssessmentActivity {

    record Progress(long invited, long submitted, boolean reviewClosed) {

        public static final Progress NONE = new Progress(0, 0, false);
    }

    Map<Long, Progress> progress(Collection<Long> assessmentIds);
}
