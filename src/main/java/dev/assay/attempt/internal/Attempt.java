package dev.assay.attempt.internal;

import dev.assay.attempt.AttemptException;
import dev.assay.attempt.OtherPageException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One candidate's attempt. The server fixes the deadline when it starts; saves are accepted until the
 * deadline plus a short grace (for requests already on their way), and nothing changes after submission.
 */
@Entity
@Table(name = "attempt")
public class Attempt {

    /** Requests that left the browser before the deadline may arrive a little after it. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invitation_id", nullable = false, unique = true)
    private long invitationId;

    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_automatically", nullable = false)
    private boolean submittedAutomatically;

    @Column(name = "current_position", nullable = false)
    private int currentPosition;

    /** The browser page (tab) that saves this attempt's answers; another page must take over first. */
    @Column(name = "active_page", length = 40)
    private String activePage;

    @OneToMany(mappedBy = "attempt", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AttemptTask> tasks = new ArrayList<>();

    @Version
    private long version;

    protected Attempt() {
    }

    /** Starts an attempt: the time limit is the assessment's, plus the candidate's accommodation. */
    public static Attempt start(long invitationId, long assessmentId, int totalMinutes, int accommodationPercent,
            List<long[]> slotAndVersion, Instant now) {
        Attempt a = new Attempt();
        a.invitationId = invitationId;
        a.assessmentId = assessmentId;
        // Whole seconds: what every supported database stores exactly (see docs/architecture.md, Persistence).
        a.startedAt = now.truncatedTo(ChronoUnit.SECONDS);
        a.deadline = a.startedAt.plus(allowed(totalMinutes, accommodationPercent));
        for (int i = 0; i < slotAndVersion.size(); i++) {
            a.tasks.add(new AttemptTask(a, i, (int) slotAndVersion.get(i)[0], slotAndVersion.get(i)[1]));
        }
        return a;
    }

    /** The time allowed: the limit plus the accommodation, rounded up to a whole minute. */
    public static Duration allowed(int totalMinutes, int accommodationPercent) {
        return Duration.ofMinutes((long) Math.ceil(totalMinutes * (100 + accommodationPercent) / 100.0));
    }

    /**
     * Makes the given page the one that saves this attempt, as when the candidate opens it in a new tab or
     * reloads; returns the page that saved until now (or null).
     */
    public String claim(String page) {
        String previous = activePage;
        activePage = page;
        return previous;
    }

    /**
     * Stores an answer from the given page; refused once submitted, after the deadline and its grace, and
     * when another page has taken over, so two tabs never overwrite each other's work.
     */
    public AttemptTask save(int position, String answerJson, Instant now, String page) {
        requireWritable(now);
        requireActive(page);
        AttemptTask task = task(position);
        task.store(answerJson, now);
        currentPosition = position;
        return task;
    }

    /**
     * Refuses a change once submitted, after the deadline and its grace, or from a page another page has taken
     * over from (the same rules as {@link #save}).
     */
    public void requireOpen(String page, Instant now) {
        requireWritable(now);
        requireActive(page);
    }

    /** Refuses a page that another page has taken over from; the first page to act claims the attempt. */
    public void requireActive(String page) {
        if (activePage == null) {
            activePage = page;
        } else if (!activePage.equals(page)) {
            throw new OtherPageException();
        }
    }

    /** Records what the candidate's page observed on a task; ignored once the attempt is over. */
    public void recordSignals(int position, int seconds, int pastes, int chars, int focusLosses, Instant now) {
        if (isSubmitted() || now.isAfter(deadline.plus(GRACE))) {
            return;
        }
        task(position).addSignals(seconds, pastes, chars, focusLosses);
    }

    public void moveTo(int position, Instant now) {
        if (isSubmitted()) {
            return;
        }
        task(position);
        currentPosition = position;
    }

    public void submit(Instant now, boolean automatically) {
        if (isSubmitted()) {
            throw new AttemptException("This assessment was already submitted; nothing can be changed now.");
        }
        submittedAt = now;
        submittedAutomatically = automatically;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Past the deadline and its grace without being submitted: due for automatic submission. */
    public boolean isOverdue(Instant now) {
        return !isSubmitted() && now.isAfter(deadline.plus(GRACE));
    }

    private void requireWritable(Instant now) {
        if (isSubmitted()) {
            throw new AttemptException("This assessment was already submitted; nothing can be changed now.");
        }
        if (now.isAfter(deadline.plus(GRACE))) {
            throw new AttemptException("Time is up, so this change could not be saved. Everything saved before "
                    + "the deadline has been kept and will be submitted.");
        }
    }

    public AttemptTask task(int position) {
        if (position < 0 || position >= tasks.size()) {
            throw new AttemptException("There is no task " + (position + 1) + " in this assessment.");
        }
        return tasks.get(position);
    }

    public Long getId() {
        return id;
    }

    public long getInvitationId() {
        return invitationId;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public boolean isSubmittedAutomatically() {
        return submittedAutomatically;
    }

    public int getCurrentPosition() {
        return currentPosition;
    }

    public String getActivePage() {
        return activePage;
    }

    public List<AttemptTask> getTasks() {
        return List.copyOf(tasks);
    }
}
