package dev.assay.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The run's direct database work, none of it through the product: a fresh schema before the application
 * starts, invitations for the run's candidates (tokens made here; only their SHA-256 is stored, as the
 * product stores them), and afterwards the check that every text a candidate's page saw acknowledged is in
 * the database.
 */
final class Database {

    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops and creates the schema named in the URL, so that each run starts from the demo data alone. */
    void recreate() throws SQLException {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String schema = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!schema.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Unusual schema name in " + url);
        }
        try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1), user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** The open assessment the candidates take: the lowest-numbered open one (the demo's analyst assessment). */
    long openAssessment() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MIN(id) FROM assessment WHERE status = 'OPEN'")) {
            r.next();
            long id = r.getLong(1);
            if (r.wasNull()) {
                throw new IllegalStateException("No open assessment to invite candidates to");
            }
            return id;
        }
    }

    /** The assessment with this title, or -1. */
    long assessmentTitled(String title) throws SQLException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement("SELECT MIN(id) FROM assessment WHERE title = ?")) {
            p.setString(1, title);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                long id = r.getLong(1);
                return r.wasNull() ? -1 : id;
            }
        }
    }

    private volatile List<Long> ranked;

    /** Submissions of the assessment with a submitted scorecard (read once: the round is closed). */
    List<Long> rankedSubmissions(long assessmentId) throws SQLException {
        if (ranked == null) {
            List<Long> ids = new java.util.ArrayList<>();
            try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT DISTINCT s.id FROM "
                    + "review_submission s JOIN review_assignment a ON a.submission_id = s.id "
                    + "WHERE s.assessment_id = ? AND a.status = 'SUBMITTED' ORDER BY s.id")) {
                p.setLong(1, assessmentId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            ranked = ids;
        }
        return ranked;
    }

    /**
     * One of the reviewer's reviews still to do in a review that is open, or null: the {@code spread}-th (mod
     * 20) of them, so that two sessions of one reviewer seldom pick the same.
     */
    Long openAssignment(String email, int spread) throws SQLException {
        String sql = "SELECT a.id FROM review_assignment a JOIN staff_account st ON st.id = a.reviewer_id "
                + "JOIN review_submission s ON s.id = a.submission_id JOIN review_panel p ON p.assessment_id = "
                + "s.assessment_id WHERE st.email = ? AND a.status IN ('ASSIGNED', 'DRAFT') AND p.closed_at IS NULL "
                + "ORDER BY a.id LIMIT 1 OFFSET ?";
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int offset : new int[] {spread % 20, 0}) {
                p.setString(1, email);
                p.setInt(2, offset);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        return r.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    /** Invites {@code count} candidates; returns their link tokens, in order. */
    List<String> invite(long assessment, int count, String run) throws SQLException {
        SecureRandom random = new SecureRandom();
        List<String> tokens = new ArrayList<>(count);
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp deadline = Timestamp.from(Instant.now().plus(7, ChronoUnit.DAYS));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO invitation (assessment_id, candidate_code, "
                    + "candidate_name, candidate_email, email_key, accommodation_percent, start_deadline, token_hash, "
                    + "stage, created_at, created_by, last_sent_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, 0, ?, ?, 'SENT', ?, 'load-harness', ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    tokens.add(token);
                    String email = "load-" + run + "-" + i + "@load.invalid";
                    p.setLong(1, assessment);
                    p.setString(2, code(run, i));
                    p.setString(3, "Load candidate " + i);
                    p.setString(4, email);
                    p.setString(5, email);
                    p.setTimestamp(6, deadline);
                    p.setString(7, sha256(token));
                    p.setTimestamp(8, now);
                    p.setTimestamp(9, now);
                    p.addBatch();
                    if (i % 500 == 499) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
        }
        return tokens;
    }

    /** Candidate codes are at most 12 characters: "L", four of the run's, and the index. */
    private static String code(String run, int i) {
        return "L" + run + String.format("%06d", i);
    }

    /** How many acknowledged texts are not in the database, per candidate index (absent means none lost). */
    Map<Integer, Integer> lost(List<Candidate> candidates) throws SQLException {
        Map<Integer, Integer> lost = new HashMap<>();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("SELECT t.task_position, "
                + "t.answer_json FROM invitation i JOIN attempt a ON a.invitation_id = i.id JOIN attempt_task t "
                + "ON t.attempt_id = a.id WHERE i.token_hash = ?")) {
            for (Candidate candidate : candidates) {
                if (candidate.acknowledged.isEmpty()) {
                    continue;
                }
                Map<Integer, String> stored = new HashMap<>();
                p.setString(1, sha256(candidate.token));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        stored.put(r.getInt(1), r.getString(2) == null ? "" : r.getString(2));
                    }
                }
                int missing = 0;
                for (var task : candidate.acknowledged.entrySet()) {
                    String json = stored.getOrDefault(task.getKey(), "");
                    for (String text : task.getValue().values()) {
                        // Texts only grow by appending, so a later save that the page never heard back from
                        // still contains the acknowledged one.
                        if (!json.contains(text)) {
                            missing++;
                        }
                    }
                }
                if (missing > 0) {
                    lost.put(candidate.index, missing);
                }
            }
        }
        return lost;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
