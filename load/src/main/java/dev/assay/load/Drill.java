package dev.assay.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failover drill: three nodes of the production jar on loopback ports behind HAProxy, on a fresh MariaDB
 * schema, with candidates typing, reviewers scoring and the outbox sending; one node is killed (SIGKILL) in the
 * middle, brought back, and then the other two are restarted one after the other (SIGTERM, graceful). At the
 * end the drill checks, from the database and the drill's own mail server, that nothing typed was lost and
 * nothing happened twice, and prints the figures.
 *
 * <pre>
 * java -jar load/target/assay-load.jar drill --app target/assay-0.1.0-SNAPSHOT.jar
 * </pre>
 *
 * Traffic goes to 127.0.0.1 only; every count and duration is bounded. See load/README.md.
 */
public final class Drill {

    record Options(Path app, int candidates, int walkAways, int messages, int typingSeconds, int basePort,
            String dbUrl, String dbUser, String dbPassword, Path out, String javaHome, String haproxy,
            int reviewers) {
    }

    /** One node: its name, port and process (null while it is down). */
    static final class Node {
        final String name;
        final int port;
        volatile Process process;

        Node(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    private static final String SECRET = "drill-installation-secret-the-same-on-every-node";
    private static final String[] REVIEWERS = {"vera@assay.example", "victor@assay.example", "wen@assay.example"};

    private final Options o;
    private final Database db;
    private final HttpClient http;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, String> events = new LinkedHashMap<>();
    private final long t0Wall = System.currentTimeMillis();
    private SmtpSink smtp;
    private Process haproxy;

    private Drill(Options o) {
        this.o = o;
        this.db = new Database(o.dbUrl(), o.dbUser(), o.dbPassword());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        for (int i = 1; i <= 3; i++) {
            nodes.add(new Node("node" + i, o.basePort() + i));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Drill drill = new Drill(o);
        int code;
        try {
            code = drill.run();
        } finally {
            drill.stopAll();
        }
        System.exit(code);
    }

    private int run() throws Exception {
        Files.createDirectories(o.out());
        log("fresh schema " + o.dbUrl());
        db.recreate();
        smtp = new SmtpSink(15);
        log("mail server (the drill's own) on 127.0.0.1:" + smtp.port());
        // The first node loads the demo data (staff, the open assessment); the others find it there.
        start(nodes.get(0), true);
        start(nodes.get(1), false);
        start(nodes.get(2), false);
        haproxy = startHaproxy();
        URI front = URI.create("http://127.0.0.1:" + o.basePort());
        waitReady(front.resolve("/actuator/health/readiness"), Duration.ofSeconds(30));

        long assessment = db.openAssessment();
        String run = Long.toString(System.currentTimeMillis() % 1_679_616, 36);
        run = "0000".substring(run.length()) + run;
        List<String> tokens = db.invite(assessment, o.candidates(), run);
        log("invited " + o.candidates() + " candidates to assessment " + assessment);

        // The schedule, from now: candidates start over 30 s and type until typingSeconds; the first walkAways
        // of them stop at 100 s and never submit (the drill later moves their deadlines into the past, so the
        // overdue job submits them); outbox messages arrive at 80 s; the kill at 90 s; the killed node returns
        // at 120 s; node restarts (graceful) from 170 s; everyone else submits after typingSeconds.
        long t0 = System.currentTimeMillis() + 2_000;
        long stopAt = t0 + o.typingSeconds() * 1000L;
        Recorder rec = new Recorder();
        List<Candidate> candidates = new ArrayList<>();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < o.candidates(); i++) {
            boolean walksAway = i < o.walkAways();
            Candidate.Plan plan = new Candidate.Plan(t0 + (long) i * 30_000 / o.candidates(),
                    walksAway ? t0 + 100_000 : stopAt, 3_000, 15_000, 120_000, !walksAway);
            Candidate c = new Candidate(i, tokens.get(i), new FlowClient(http, front), rec, plan);
            candidates.add(c);
            threads.submit(c);
        }
        long reviewedRound = db.assessmentTitled("Data Analyst — autumn round (reviewed)");
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < o.reviewers() + 1; i++) {
            boolean recruiter = i == 0;
            Staff member = new Staff(i, recruiter ? Staff.Role.RECRUITER : Staff.Role.REVIEWER,
                    recruiter ? "rhea@assay.example" : REVIEWERS[(i - 1) % REVIEWERS.length],
                    recruiter ? "recruiter-demo-2026" : "reviewer-demo-2026", assessment, reviewedRound, db,
                    new FlowClient(http, front), rec, new Staff.Plan(t0 + 5_000 + i * 1_000L, stopAt + 60_000, 8_000));
            staff.add(member);
            threads.submit(member);
        }

        sleepUntil(t0 + 80_000);
        List<Long> messages = insertOutbox(run, o.messages());
        event("outbox", o.messages() + " messages queued");
        sleepUntil(t0 + 90_000);
        Map<String, Long> perNode = countByNode(candidates);
        Node victim = nodes.stream().max((a, b) -> Long.compare(perNode.getOrDefault(a.name, 0L),
                perNode.getOrDefault(b.name, 0L))).orElseThrow();
        long sentBefore = smtp.total.get();
        victim.process.destroyForcibly();
        victim.process.waitFor(30, TimeUnit.SECONDS);
        victim.process = null;
        event("kill -9 " + victim.name, "candidates per node before: " + perNode + "; mails received so far: "
                + sentBefore + " of " + o.messages());

        sleepUntil(t0 + 120_000);
        start(victim, false);
        event("start " + victim.name, "back after the kill");
        sleepUntil(t0 + 130_000);
        int overdue = makeOverdue(tokens.subList(0, o.walkAways()));
        event("deadlines", overdue + " walked-away candidates' deadlines moved into the past");

        sleepUntil(t0 + 170_000);
        for (Node n : nodes) {
            if (n == victim) {
                continue;
            }
            long before = System.currentTimeMillis();
            stopGracefully(n);
            event("stop " + n.name + " (SIGTERM)", "stopped in " + (System.currentTimeMillis() - before) + " ms");
            start(n, false);
            event("start " + n.name, "rolling restart");
            Thread.sleep(15_000);
        }

        threads.shutdown();
        if (!threads.awaitTermination(Math.max(5, (stopAt - System.currentTimeMillis()) / 60_000 + 5),
                TimeUnit.MINUTES)) {
            log("some candidates were still busy five minutes after the end");
            threads.shutdownNow();
        }
        event("candidates done", "");
        Settled settled = settle(messages, tokens);
        String report = report(candidates, staff, rec, messages, tokens, settled);
        Files.writeString(o.out().resolve("drill.md"), report);
        Files.writeString(o.out().resolve("failures.txt"), rec.failureSamples(20));
        System.out.println(report);
        log("report: " + o.out().resolve("drill.md"));
        return settledClean ? 0 : 1;
    }

    // ---- nodes and HAProxy ---------------------------------------------------------------------------------

    private void start(Node n, boolean demoData) throws IOException, InterruptedException {
        Path logFile = o.out().resolve(n.name + ".log");
        List<String> command = List.of(Path.of(o.javaHome(), "bin", "java").toString(), "-Xmx768m", "-jar",
                o.app().toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).directory(o.out().toFile());
        Map<String, String> env = pb.environment();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("PORT", Integer.toString(n.port));
        env.put("ASSAY_DB_URL", o.dbUrl());
        env.put("ASSAY_DB_USERNAME", o.dbUser());
        env.put("ASSAY_DB_PASSWORD", o.dbPassword());
        env.put("ASSAY_SECRET", SECRET);
        env.put("ASSAY_NODE_NAME", n.name);
        env.put("ASSAY_DEMO_DATA_ENABLED", Boolean.toString(demoData));
        env.put("ASSAY_SHUTDOWN_DRAIN", "8s");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
        // Short intervals, so a drill of minutes sees every job run many times on every node.
        env.put("ASSAY_MAIL_DISPATCH_INTERVAL", "PT1S");
        env.put("ASSAY_MAIL_LEASE", "PT1M");
        env.put("ASSAY_ATTEMPTS_OVERDUE_CHECK", "PT5S");
        env.put("ASSAY_REVIEW_SWEEP_INTERVAL", "PT20S");
        env.put("ASSAY_REVIEW_SWEEP_INITIAL_DELAY", "PT20S");
        n.process = pb.start();
        waitReady(URI.create("http://127.0.0.1:" + n.port + "/actuator/health/readiness"), Duration.ofSeconds(180));
        log(n.name + " up on 127.0.0.1:" + n.port + " (pid " + n.process.pid() + ")");
    }

    private static void stopGracefully(Node n) throws InterruptedException {
        n.process.destroy(); // SIGTERM: readiness down, drain, finish in-flight requests, stop
        if (!n.process.waitFor(60, TimeUnit.SECONDS)) {
            n.process.destroyForcibly();
        }
        n.process = null;
    }

    private Process startHaproxy() throws IOException, InterruptedException {
        StringBuilder servers = new StringBuilder();
        for (Node n : nodes) {
            servers.append("    server ").append(n.name).append(" 127.0.0.1:").append(n.port).append(" check cookie ")
                    .append(n.name).append('\n');
        }
        // deploy/haproxy.cfg on loopback ports; the same stickiness, checks and retry rules.
        String config = """
                global
                    maxconn 5000
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s
                    timeout http-keep-alive 30s
                    retries 1
                    option redispatch
                frontend assay
                    bind 127.0.0.1:%d
                    default_backend assay_nodes
                backend assay_nodes
                    balance leastconn
                    cookie ASSAYNODE insert indirect nocache httponly
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    timeout check 5s
                    default-server inter 2s fall 3 rise 2
                %s""".formatted(o.basePort(), servers);
        Path file = o.out().resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process p = new ProcessBuilder(o.haproxy(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(o.out().resolve("haproxy.log").toFile()).start();
        log("HAProxy on 127.0.0.1:" + o.basePort());
        return p;
    }

    private void waitReady(URI uri, Duration within) throws InterruptedException {
        long until = System.currentTimeMillis() + within.toMillis();
        while (System.currentTimeMillis() < until) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Nothing ready at " + uri + " within " + within);
    }

    private void stopAll() {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy();
            }
        }
        for (Node n : nodes) {
            if (n.process != null) {
                try {
                    if (!n.process.waitFor(60, TimeUnit.SECONDS)) {
                        n.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    n.process.destroyForcibly();
                }
            }
        }
        if (haproxy != null) {
            haproxy.destroy();
        }
        if (smtp != null) {
            try {
                smtp.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---- what the drill does to the database directly --------------------------------------------------------

    /** Queues outbox messages as the product does (plain bodies are read as they are); returns their ids. */
    private List<Long> insertOutbox(String run, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO outbox_message (recipient, subject, body, "
                    + "delivery, attempts, created_at, version) VALUES (?, ?, ?, 'PENDING', 0, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < count; i++) {
                    p.setString(1, "drill-" + run + "-" + i + "@drill.invalid");
                    p.setString(2, "Drill message " + i);
                    p.setString(3, "Message " + i + " of the failover drill " + run + ".");
                    p.setTimestamp(4, now);
                    p.addBatch();
                }
                p.executeBatch();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            c.commit();
        }
        return ids;
    }

    /** Moves the walked-away candidates' deadlines into the past, as if their time had run out. */
    private int makeOverdue(List<String> tokens) throws SQLException {
        int moved = 0;
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("UPDATE attempt a JOIN invitation i "
                + "ON i.id = a.invitation_id SET a.deadline = ? WHERE i.token_hash = ? AND a.submitted_at IS NULL")) {
            for (String token : tokens) {
                p.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
                p.setString(2, Database.sha256(token));
                moved += p.executeUpdate();
            }
        }
        return moved;
    }

    private static Map<String, Long> countByNode(List<Candidate> candidates) {
        Map<String, Long> counts = new TreeMap<>();
        for (Candidate c : candidates) {
            String node = c.node();
            if (node != null) {
                counts.merge(node, 1L, Long::sum);
            }
        }
        return counts;
    }

    // ---- the checks ------------------------------------------------------------------------------------------

    record Settled(long pendingOutbox, long unintaken, long openPublications, long waitedSeconds) {
    }

    /**
     * Waits (at most four minutes) until the outbox is sent, every submitted attempt is in review and no event
     * publication is left open: a dead node's outbox lease runs out after a minute, the review sweep runs every
     * 20 s.
     */
    private Settled settle(List<Long> messages, List<String> tokens) throws Exception {
        long start = System.currentTimeMillis();
        long pending;
        long unintaken;
        long open;
        do {
            Thread.sleep(5_000);
            pending = scalar("SELECT COUNT(*) FROM outbox_message WHERE delivery = 'PENDING'");
            unintaken = scalar("SELECT COUNT(*) FROM attempt a LEFT JOIN review_submission s ON s.attempt_id = a.id "
                    + "WHERE a.submitted_at IS NOT NULL AND s.id IS NULL");
            open = scalar("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL");
        } while ((pending > 0 || unintaken > 0 || open > 0) && System.currentTimeMillis() - start < 240_000);
        return new Settled(pending, unintaken, open, (System.currentTimeMillis() - start) / 1000);
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Per candidate and answer field: characters typed that the database does not hold, and over how long. */
    record Loss(int candidates, int fields, int largestChars, double largestSeconds, int checkedFields) {
    }

    private Loss loss(List<Candidate> candidates) throws SQLException {
        int lostCandidates = 0;
        int lostFields = 0;
        int largestChars = 0;
        double largestSeconds = 0;
        int checked = 0;
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("SELECT t.task_position, "
                + "t.answer_json FROM invitation i JOIN attempt a ON a.invitation_id = i.id JOIN attempt_task t "
                + "ON t.attempt_id = a.id WHERE i.token_hash = ?")) {
            for (Candidate candidate : candidates) {
                Map<Integer, String> stored = new HashMap<>();
                p.setString(1, Database.sha256(candidate.token));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        stored.put(r.getInt(1), r.getString(2) == null ? "" : r.getString(2));
                    }
                }
                boolean lost = false;
                for (var task : candidate.typed.entrySet()) {
                    String json = stored.getOrDefault(task.getKey(), "");
                    for (var field : task.getValue().entrySet()) {
                        checked++;
                        String last = field.getValue();
                        if (json.contains(last)) {
                            continue;
                        }
                        // Texts grow by appending: find the longest typed version the database holds.
                        List<long[]> versions = candidate.history.getOrDefault(task.getKey(), Map.of())
                                .getOrDefault(field.getKey(), List.of());
                        long[] newest = versions.isEmpty() ? new long[] {0, last.length()} : versions.getLast();
                        long[] held = null;
                        for (long[] v : versions) {
                            if (v[1] <= last.length() && json.contains(last.substring(0, (int) v[1]))) {
                                held = v;
                            }
                        }
                        int chars = last.length() - (held == null ? 0 : (int) held[1]);
                        double seconds = held == null ? (newest[0] - (versions.isEmpty() ? 0 : versions.getFirst()[0]))
                                / 1000.0 : (newest[0] - held[0]) / 1000.0;
                        largestChars = Math.max(largestChars, chars);
                        largestSeconds = Math.max(largestSeconds, seconds);
                        lostFields++;
                        lost = true;
                    }
                }
                if (lost) {
                    lostCandidates++;
                }
            }
        }
        return new Loss(lostCandidates, lostFields, largestChars, largestSeconds, checked);
    }

    private String report(List<Candidate> candidates, List<Staff> staff, Recorder rec, List<Long> messages,
            List<String> tokens, Settled settled) throws SQLException {
        Loss loss = loss(candidates);
        long started = candidates.stream().filter(c -> c.started).count();
        long submittedByHarness = candidates.stream().filter(c -> c.submitted).count();
        String inRun = "i.token_hash IN (" + String.join(",", tokens.stream().map(t -> "'" + Database.sha256(t) + "'")
                .toList()) + ")";
        long submitted = scalar("SELECT COUNT(*) FROM attempt a JOIN invitation i ON i.id = a.invitation_id WHERE "
                + inRun + " AND a.submitted_at IS NOT NULL");
        long automatic = scalar("SELECT COUNT(*) FROM attempt a JOIN invitation i ON i.id = a.invitation_id WHERE "
                + inRun + " AND a.submitted_automatically");
        long inReview = scalar("SELECT COUNT(*) FROM review_submission s JOIN attempt a ON a.id = s.attempt_id JOIN "
                + "invitation i ON i.id = a.invitation_id WHERE " + inRun);
        long doubleAssigned = scalar("SELECT COUNT(*) FROM (SELECT submission_id, reviewer_id FROM review_assignment "
                + "GROUP BY submission_id, reviewer_id HAVING COUNT(*) > 1) d");
        int delivered = 0;
        int duplicates = 0;
        int missing = 0;
        for (Long id : messages) {
            AtomicInteger n = smtp.received.entrySet().stream().filter(e -> e.getKey().startsWith("outbox-" + id + "@"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (n == null) {
                missing++;
            } else {
                delivered++;
                if (n.get() > 1) {
                    duplicates++;
                }
            }
        }
        long sentInDb = scalar("SELECT COUNT(*) FROM outbox_message WHERE delivery = 'SENT' AND id BETWEEN "
                + messages.getFirst() + " AND " + messages.getLast());
        StringBuilder jobs = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name, locked_by, locked_at FROM job_lock ORDER BY name")) {
            while (r.next()) {
                jobs.append(jobs.isEmpty() ? "" : "; ").append(r.getString(1)).append(" last run by ")
                        .append(r.getString(2));
            }
        }
        // SMTP cannot say whether a message arrived, so the one message a killed node had handed over without
        // recording it is sent again (with the same Message-ID): at most one per kill.
        boolean clean = started == o.candidates() && submittedByHarness == o.candidates() - o.walkAways()
                && loss.candidates() == 0 && duplicates <= 1 && missing == 0 && settled.pendingOutbox() == 0
                && settled.unintaken() == 0 && settled.openPublications() == 0 && doubleAssigned == 0
                && automatic == o.walkAways() && submitted == submittedByHarness + automatic;
        StringBuilder md = new StringBuilder();
        md.append("# Failover drill\n\n");
        md.append("Three nodes behind HAProxy on one machine; ").append(o.candidates()).append(" candidates (")
                .append(o.walkAways()).append(" of them walk away and are submitted by the overdue job), ")
                .append(o.reviewers()).append(" reviewers and a recruiter; ").append(o.messages())
                .append(" outbox messages.\n\n");
        md.append("| time | event | detail |\n| --- | --- | --- |\n");
        events.forEach((k, v) -> md.append("| ").append(k.substring(0, k.indexOf(' '))).append(" | ")
                .append(k.substring(k.indexOf(' ') + 1)).append(" | ").append(v).append(" |\n"));
        md.append("\n| check | result |\n| --- | --- |\n");
        row(md, "candidates started / submitted by themselves / submitted by the overdue job",
                started + " / " + submittedByHarness + " / " + automatic + " (expected " + o.walkAways() + ")");
        row(md, "attempts submitted (database) = submitted by candidates + by the job",
                submitted + " = " + submittedByHarness + " + " + automatic + (submitted == submittedByHarness + automatic
                        ? "" : " **MISMATCH**"));
        row(md, "answer fields checked / with typed text missing from the database",
                loss.checkedFields() + " / " + loss.fields() + " (" + loss.candidates() + " candidates)");
        row(md, "largest loss", loss.largestChars() + " characters, " + String.format("%.1f", loss.largestSeconds())
                + " s of typing");
        row(md, "page reloads after a failed request (candidates) / texts sent again after a reload",
                rec.counter("reopened") + " / " + rec.counter("resent-after-reload"));
        row(md, "staff who signed in again / reviews scored", rec.counter("staff-signed-in-again") + " / "
                + staff.stream().mapToInt(m -> m.scored).sum());
        row(md, "submitted attempts in review (one review intake each)", inReview + " of " + submitted
                + "; not in review anywhere: " + settled.unintaken());
        row(md, "reviewer assigned twice to one submission", Long.toString(doubleAssigned));
        row(md, "event publications left open", Long.toString(settled.openPublications()));
        row(md, "outbox: received by the mail server / missing / received twice under the same Message-ID "
                + "(at most the one in flight at the kill)", delivered + " / " + missing + " / " + duplicates
                + " (database: " + sentInDb + " SENT, " + settled.pendingOutbox() + " still pending)");
        row(md, "scheduled jobs (job_lock)", jobs.toString());
        row(md, "settled after the candidates finished", settled.waitedSeconds() + " s");
        row(md, "failed requests by kind", rec.failureSummary());
        md.append("\n**").append(clean ? "PASSED: nothing lost, nothing twice." : "FAILED: see the rows above.")
                .append("**\n");
        settledClean = clean;
        return md.toString();
    }

    private boolean settledClean;

    private static void row(StringBuilder md, String check, String result) {
        md.append("| ").append(check).append(" | ").append(result.replace("|", "/")).append(" |\n");
    }

    private void event(String what, String detail) {
        String at = String.format("%ds", (System.currentTimeMillis() - t0Wall) / 1000);
        events.put(at + " " + what, detail);
        log(what + (detail.isEmpty() ? "" : ": " + detail));
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static void log(String s) {
        System.err.println(Instant.now().toString().substring(11, 19) + " drill: " + s);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Arguments are --name value pairs; see load/README.md");
            }
            a.put(args[i], args[++i]);
        }
        if (!a.containsKey("--app")) {
            throw new IllegalArgumentException("Give --app <the application's jar>");
        }
        int candidates = Integer.parseInt(a.getOrDefault("--candidates", "300"));
        int typing = Integer.parseInt(a.getOrDefault("--typing", "360"));
        if (candidates < 10 || candidates > 2_000 || typing < 300 || typing > 1_800) {
            throw new IllegalArgumentException("--candidates 10..2000 and --typing 300..1800 (seconds)");
        }
        String haproxy = a.getOrDefault("--haproxy", Files.isExecutable(Path.of("/usr/sbin/haproxy"))
                ? "/usr/sbin/haproxy" : "haproxy");
        return new Options(Path.of(a.get("--app")), candidates,
                Integer.parseInt(a.getOrDefault("--walk-aways", "20")),
                Integer.parseInt(a.getOrDefault("--messages", "1500")), typing,
                Integer.parseInt(a.getOrDefault("--port", "8190")),
                a.getOrDefault("--db-url", "jdbc:mysql://127.0.0.1:3306/assay_drill"),
                a.getOrDefault("--db-user", "root"), a.getOrDefault("--db-password", ""),
                Path.of(a.getOrDefault("--out", "load/reports/drill-" + Instant.now().toString().substring(0, 19)
                        .replace(':', '-'))), a.getOrDefault("--java-home", System.getProperty("java.home")), haproxy,
                Integer.parseInt(a.getOrDefault("--reviewers", "3")));
    }
}
