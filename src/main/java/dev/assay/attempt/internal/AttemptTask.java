package dev.assay.attempt.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One task in an attempt: the exact task version drawn, and the candidate's latest saved answer. */
@Entity
@Table(name = "attempt_task")
public class AttemptTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attempt_id", nullable = false)
    private Attempt attempt;

    @Column(name = "task_position", nullable = false)
    private int position;

    @Column(name = "slot_index", nullable = false)
    private int slotIndex;

    @Column(name = "task_version_id", nullable = false)
    private long taskVersionId;

    @Lob
    @Column(name = "answer_json", length = Integer.MAX_VALUE)
    private String answerJson;

    @Column(name = "saved_at")
    private Instant savedAt;

    @Column(name = "save_count", nullable = false)
    private int saveCount;

    @Column(name = "active_seconds", nullable = false)
    private int activeSeconds;

    @Column(name = "paste_count", nullable = false)
    private int pasteCount;

    @Column(name = "pasted_chars", nullable = false)
    private int pastedChars;

    @Column(name = "focus_losses", nullable = false)
    private int focusLosses;

    protected AttemptTask() {
    }

    AttemptTask(Attempt attempt, int position, int slotIndex, long taskVersionId) {
        this.attempt = attempt;
        this.position = position;
        this.slotIndex = slotIndex;
        this.taskVersionId = taskVersionId;
    }

    void store(String json, Instant now) {
        this.answerJson = json;
        this.savedAt = now;
        this.saveCount++;
    }

    /**
     * Adds what the page observed since its last report. Each report is capped so a tampered page cannot
     * write absurd numbers; these are facts for people to weigh, never grounds for automatic decisions.
     */
    void addSignals(int seconds, int pastes, int chars, int focus) {
        activeSeconds += clampSeconds(seconds);
        pasteCount += clampPastes(pastes);
        pastedChars += clampChars(chars);
        focusLosses += clampFocusLosses(focus);
    }

    /** The caps of one report, for writers that add to the row in SQL. */
    public static int clampSeconds(int seconds) {
        return clamp(seconds, 120);
    }

    public static int clampPastes(int pastes) {
        return clamp(pastes, 500);
    }

    public static int clampChars(int chars) {
        return clamp(chars, 1_000_000);
    }

    public static int clampFocusLosses(int focus) {
        return clamp(focus, 500);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    public int getActiveSeconds() {
        return activeSeconds;
    }

    public int getPasteCount() {
        return pasteCount;
    }

    public int getPastedChars() {
        return pastedChars;
    }

    public int getFocusLosses() {
        return focusLosses;
    }

    public int getPosition() {
        return position;
    }

    public int getSlotIndex() {
        return slotIndex;
    }

    public long getTaskVersionId() {
        return taskVersionId;
    }

    public String getAnswerJson() {
        return answerJson;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
