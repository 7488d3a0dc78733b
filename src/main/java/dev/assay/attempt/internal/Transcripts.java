package dev.assay.attempt.internal;

import dev.assay.attempt.AssistantTurn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conversations of AI-collaboration tasks: turns are inserted, never updated or deleted (only the attempt's
 * erasure removes them, by its foreign key). Plain JDBC in the caller's transaction.
 */
@Component
public class Transcripts {

    private static final String COLUMNS = "task_position, turn_no, prompt, reply, source, intent_key, similarity, "
            + "flaws, asked_at, reply_millis, tokens";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Transcripts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One task's turns, first first. */
    public List<AssistantTurn> turns(long attemptId, int position) {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistant_turn WHERE attempt_id = ? AND task_position = ? "
                + "ORDER BY turn_no", Transcripts::turn, attemptId, position);
    }

    /** Every turn of the given attempts, by attempt, each attempt's turns by task and turn. */
    public Map<Long, List<AssistantTurn>> turns(Collection<Long> attemptIds) {
        Map<Long, List<AssistantTurn>> out = new HashMap<>();
        if (attemptIds.isEmpty()) {
            return out;
        }
        named.query("SELECT attempt_id, " + COLUMNS + " FROM assistant_turn WHERE attempt_id IN (:ids) "
                + "ORDER BY attempt_id, task_position, turn_no", Map.of("ids", attemptIds),
                rs -> {
                    out.computeIfAbsent(rs.getLong("attempt_id"), k -> new ArrayList<>()).add(turn(rs, 0));
                });
        return out;
    }

    /** Appends a turn as the next of its task's conversation; the caller holds the attempt's row lock. */
    public AssistantTurn append(long attemptId, AssistantTurn turn) {
        Integer last = jdbc.queryForObject("SELECT MAX(turn_no) FROM assistant_turn WHERE attempt_id = ? "
                + "AND task_position = ?", Integer.class, attemptId, turn.position());
        int next = last == null ? 1 : last + 1;
        jdbc.update("INSERT INTO assistant_turn (attempt_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attemptId, turn.position(), next, turn.prompt(), turn.reply(), turn.source().name(), turn.intentKey(),
                turn.similarity(), turn.flaws().stream().map(String::valueOf).collect(Collectors.joining(",")),
                LocalDateTime.ofInstant(turn.askedAt(), ZoneOffset.UTC), turn.replyMillis(), turn.tokens());
        return new AssistantTurn(turn.position(), next, turn.prompt(), turn.reply(), turn.source(), turn.intentKey(),
                turn.similarity(), turn.flaws(), turn.askedAt(), turn.replyMillis(), turn.tokens());
    }

    /** The tokens a live model has reported for every task of the attempt. */
    public int tokensUsed(long attemptId) {
        Integer used = jdbc.queryForObject("SELECT COALESCE(SUM(tokens), 0) FROM assistant_turn WHERE attempt_id = ?",
                Integer.class, attemptId);
        return used == null ? 0 : used;
    }

    private static AssistantTurn turn(ResultSet rs, int row) throws SQLException {
        String flaws = rs.getString("flaws");
        double similarity = rs.getDouble("similarity");
        Double sim = rs.wasNull() ? null : similarity;
        return new AssistantTurn(rs.getInt("task_position"), rs.getInt("turn_no"), rs.getString("prompt"),
                rs.getString("reply"), AssistantTurn.Source.valueOf(rs.getString("source")), rs.getString("intent_key"),
                sim, flaws == null || flaws.isBlank() ? List.of()
                        : Arrays.stream(flaws.split(",")).map(Integer::valueOf).toList(),
                rs.getObject("asked_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt("reply_millis"),
                (Integer) rs.getObject("tokens", Integer.class));
    }
}
