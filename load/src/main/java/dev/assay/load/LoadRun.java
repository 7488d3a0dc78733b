package dev.assay.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A load ramp against Assay: candidates added in steps, each step held while it is measured.
 *
 * <pre>
 * java -jar load/target/assay-load.jar --app target/assay-0.1.0-SNAPSHOT.jar --steps 250,500,1000 --hold 60
 * </pre>
 *
 * With {@code --app} the run recreates the database schema, starts the jar on it (MySQL profile, demo data
 * on) and stops it afterwards; with {@code --url} it uses a running application (then {@code --app-pid}
 * lets it read that process's CPU and heap). Traffic goes to 127.0.0.1 only. See load/README.md.
 * {@code java -jar load/target/assay-load.jar drill …} runs the failover drill instead ({@link Drill}).
 */
public final class LoadRun {

    record Step(int users, long rampFromMillis, long fromMillis, long toMillis) {
    }

    record Options(String app, String url, long appPid, String dbUrl, String dbUser, String dbPassword,
            int[] steps, int rampSeconds, int holdSeconds, double typingSeconds, int pollSeconds, int moveSeconds,
            boolean submit, Path out, String javaHome, String label, boolean profile, int warmup, int recruiters,
            int reviewers, int thinkSeconds, int chatters, int chatSeconds) {
    }

    /** The demo data's staff (README): recruiters and the reviewers on the open assessment's panel. */
    private static final String[] RECRUITERS = {"rhea@assay.example", "ravi@assay.example"};
    private static final String[] REVIEWERS = {"vera@assay.example", "victor@assay.example", "wen@assay.example"};

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("drill")) {
            Drill.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options o = parse(args);
        new LoadRun().run(o);
    }

    private void run(Options o) throws Exception {
        Database db = new Database(o.dbUrl(), o.dbUser(), o.dbPassword());
        Process app = null;
        long appPid = o.appPid();
        URI base = URI.create(o.url());
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("Load goes to 127.0.0.1 only, not " + base.getHost());
        }
        String jcmd = Path.of(o.javaHome(), "bin", "jcmd").toString();
        try {
            if (o.app() != null) {
                log("recreating the database schema and starting " + o.app());
                db.recreate();
                app = startApp(o, base);
                appPid = app.pid();
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            waitUntilUp(http, base);
            int total = Arrays.stream(o.steps()).max().orElseThrow();
            long assessment = db.openAssessment();
            String run = Long.toString(System.currentTimeMillis() % 1_679_616, 36);
            run = "0000".substring(run.length()) + run;
            List<String> tokens = db.invite(assessment, total + o.warmup(), run);
            log("invited " + (total + o.warmup()) + " candidates to assessment " + assessment);
            if (o.warmup() > 0) {
                warmUp(o, http, base, tokens.subList(total, total + o.warmup()), total);
            }
            long mariaPid = Probe.pidOf("mariadbd");
            long heapBase = Probe.liveHeapKb(jcmd, appPid);
            log("live heap before any candidate: " + heapBase + " KB");

            // The schedule: each step adds its candidates over the ramp, then holds while it is measured.
            long t = System.currentTimeMillis() + 2_000;
            List<Step> steps = new ArrayList<>();
            List<Long> startAt = new ArrayList<>();
            int have = 0;
            for (int users : o.steps()) {
                int add = users - have;
                for (int i = 0; i < add; i++) {
                    startAt.add(t + (long) i * o.rampSeconds() * 1000 / Math.max(1, add));
                }
                long rampFrom = t;
                t += o.rampSeconds() * 1000L;
                steps.add(new Step(users, rampFrom, t, t + o.holdSeconds() * 1000L));
                t += o.holdSeconds() * 1000L + 15_000; // a gap for the heap reading between steps
                have = users;
            }
            long stopAt = steps.getLast().toMillis();
            Recorder rec = new Recorder();
            List<Candidate> candidates = new ArrayList<>();
            ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < total; i++) {
                // The first --chatters candidates stay on the task with an assistant and message it every --chat s.
                Candidate.Plan plan = new Candidate.Plan(startAt.get(i), stopAt, (long) (o.typingSeconds() * 1000),
                        o.pollSeconds() * 1000L, o.moveSeconds() * 1000L, o.submit(),
                        i < o.chatters() ? o.chatSeconds() * 1000L : 0);
                Candidate c = new Candidate(i, tokens.get(i), new FlowClient(http, base), rec, plan);
                candidates.add(c);
                threads.submit(c);
            }
            // Staff work alongside from the first step to the end: recruiters read, reviewers score.
            long reviewedRound = db.assessmentTitled("Data Analyst — autumn round (reviewed)");
            List<Staff> staff = new ArrayList<>();
            for (int i = 0; i < o.recruiters() + o.reviewers(); i++) {
                boolean recruiter = i < o.recruiters();
                String email = recruiter ? RECRUITERS[i % RECRUITERS.length]
                        : REVIEWERS[(i - o.recruiters()) % REVIEWERS.length];
                Staff member = new Staff(i, recruiter ? Staff.Role.RECRUITER : Staff.Role.REVIEWER, email,
                        recruiter ? "recruiter-demo-2026" : "reviewer-demo-2026", assessment, reviewedRound, db,
                        new FlowClient(http, base), rec, new Staff.Plan(steps.getFirst().rampFromMillis() + i * 1_000L,
                                stopAt, o.thinkSeconds() * 1000L));
                staff.add(member);
                threads.submit(member);
            }
            List<Report.StepResult> results = new ArrayList<>();
            for (Step step : steps) {
                sleepUntil(step.fromMillis());
                boolean profiling = o.profile() && step == steps.getLast();
                if (profiling) {
                    Probe.jcmd(jcmd, appPid, "JFR.start", "name=load", "settings=profile",
                            "filename=" + o.out().toAbsolutePath().resolve("app.jfr"));
                }
                double app0 = Probe.cpuSeconds(appPid);
                double db0 = Probe.cpuSeconds(mariaPid);
                double me0 = Probe.cpuSeconds(ProcessHandle.current().pid());
                sleepUntil(step.toMillis());
                double app1 = Probe.cpuSeconds(appPid);
                double db1 = Probe.cpuSeconds(mariaPid);
                double me1 = Probe.cpuSeconds(ProcessHandle.current().pid());
                if (profiling) {
                    Probe.jcmd(jcmd, appPid, "JFR.stop", "name=load");
                }
                long active = candidates.stream().filter(c -> c.started).count();
                long heap = step == steps.getLast() ? -1 : Probe.liveHeapKb(jcmd, appPid);
                Report.StepResult r = Report.StepResult.of(step, active, rec, app1 - app0, db1 - db0, me1 - me0,
                        heap, heapBase);
                results.add(r);
                log(r.summary());
            }
            // The last step's heap is read after typing stops but before anyone submits.
            sleepUntil(stopAt + 1_000);
            long lastHeap = Probe.liveHeapKb(jcmd, appPid);
            results.set(results.size() - 1, results.getLast().withHeap(lastHeap, heapBase));
            threads.shutdown();
            if (!threads.awaitTermination(5, TimeUnit.MINUTES)) {
                log("some candidates were still busy five minutes after the end");
                threads.shutdownNow();
            }
            Map<Integer, Integer> lost = db.lost(candidates);
            Report report = new Report(o, results, rec, candidates, lost, commit(),
                    staff.stream().mapToInt(m -> m.scored).sum());
            Path written = report.write(o.out());
            log("report: " + written);
            System.out.println(report.markdown());
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    /**
     * Candidates who start over 30 s, type for a minute and submit, before anything is measured: the JIT
     * compiles the hot paths, so the first step measures a warm node. They are not in the report or the
     * lost-text check.
     */
    private static void warmUp(Options o, HttpClient http, URI base, List<String> tokens, int firstIndex)
            throws InterruptedException {
        log("warming up with " + tokens.size() + " candidates (30 s to start, 60 s of typing, then they submit)");
        long t0 = System.currentTimeMillis() + 1_000;
        Recorder ignored = new Recorder();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < tokens.size(); i++) {
            Candidate.Plan plan = new Candidate.Plan(t0 + (long) i * 30_000 / tokens.size(), t0 + 90_000,
                    (long) (o.typingSeconds() * 1000), o.pollSeconds() * 1000L, o.moveSeconds() * 1000L, true);
            threads.submit(new Candidate(firstIndex + i, tokens.get(i), new FlowClient(http, base), ignored, plan));
        }
        threads.shutdown();
        if (!threads.awaitTermination(5, TimeUnit.MINUTES)) {
            threads.shutdownNow();
        }
        log("warm-up done: " + ignored.counter("abandoned") + " abandoned, " + ignored.counter("submit-failed")
                + " submits failed");
    }

    private static Process startApp(Options o, URI base) throws IOException {
        Path logFile = o.out().resolve("app.log");
        Files.createDirectories(o.out());
        List<String> command = new ArrayList<>(List.of(Path.of(o.javaHome(), "bin", "java").toString(),
                "-jar", Path.of(o.app()).toAbsolutePath().toString(), "--server.port=" + base.getPort(), "--assay.demo-data.enabled=true"));
        // Run in the report's folder, so that the files the application keeps next to it (its installation
        // secret) stay there.
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).directory(o.out().toFile());
        Map<String, String> env = pb.environment();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("ASSAY_DB_URL", o.dbUrl());
        env.put("ASSAY_DB_USERNAME", o.dbUser());
        env.put("ASSAY_DB_PASSWORD", o.dbPassword());
        return pb.start();
    }

    private static void waitUntilUp(HttpClient http, URI base) throws InterruptedException {
        for (int i = 0; i < 180; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    Thread.sleep(5_000); // let the demo data finish loading
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("The application did not answer at " + base + " within three minutes");
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
            boolean dirty = !new String(d.getInputStream().readAllBytes()).isBlank();
            d.waitFor(10, TimeUnit.SECONDS);
            return out + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static void log(String s) {
        System.err.println(Instant.now().toString().substring(11, 19) + " " + s);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + k);
            }
            if (k.equals("--no-submit") || k.equals("--profile")) {
                a.put(k, "true");
            } else if (i + 1 < args.length) {
                a.put(k, args[++i]);
            } else {
                throw new IllegalArgumentException(k + " needs a value");
            }
        }
        String app = a.get("--app");
        String url = a.getOrDefault("--url", "http://127.0.0.1:" + a.getOrDefault("--port", "8089"));
        if (app == null && !a.containsKey("--url")) {
            throw new IllegalArgumentException("Give --app <jar> (start a fresh application) or --url <running one>");
        }
        int[] steps = Arrays.stream(a.getOrDefault("--steps", "250,500,1000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String javaHome = a.getOrDefault("--java-home", System.getProperty("java.home"));
        return new Options(app, url, Long.parseLong(a.getOrDefault("--app-pid", "-1")),
                a.getOrDefault("--db-url", "jdbc:mysql://127.0.0.1:3306/assay_load"),
                a.getOrDefault("--db-user", "root"), a.getOrDefault("--db-password", ""), steps,
                Integer.parseInt(a.getOrDefault("--ramp", "30")), Integer.parseInt(a.getOrDefault("--hold", "60")),
                Double.parseDouble(a.getOrDefault("--typing", "3")), Integer.parseInt(a.getOrDefault("--poll", "15")),
                Integer.parseInt(a.getOrDefault("--move", "300")), !a.containsKey("--no-submit"),
                Path.of(a.getOrDefault("--out", "load/reports/" + Instant.now().toString().substring(0, 19)
                        .replace(':', '-'))), javaHome, a.getOrDefault("--label", ""), a.containsKey("--profile"),
                Integer.parseInt(a.getOrDefault("--warmup", "0")), Integer.parseInt(a.getOrDefault("--recruiters", "2")),
                Integer.parseInt(a.getOrDefault("--reviewers", "3")), Integer.parseInt(a.getOrDefault("--think", "10")),
                Integer.parseInt(a.getOrDefault("--chatters", "0")), Integer.parseInt(a.getOrDefault("--chat", "30")));
    }
}
