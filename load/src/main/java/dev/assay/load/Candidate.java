package dev.assay.load;

import dev.assay.load.FlowClient.FlowException;
import dev.assay.load.FlowClient.Reply;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One candidate, from the invitation link to the receipt: opens the link, ticks consent, starts (clicking
 * Start again, up to ten times, if a start is refused), then types into the task's text areas with a save
 * every few seconds (what the page's one-second lazy value change sends after a pause in typing), sends the
 * page's 15-second tick (its integrity-signal report and its check that the attempt goes on), moves to another
 * task now and then, and submits at the end. A failed request is counted and the page reopened, as a browser reload would.
 *
 * <p>It remembers, per task and answer field, the last text the server acknowledged (the save's reply tells
 * the page which texts the server now has), so the run can check afterwards that the database holds it.
 */
final class Candidate implements Runnable {

    /** {@code chatMillis} 0: no chat; otherwise the candidate stays on the task with an assistant and messages it. */
    record Plan(long startAtMillis, long stopAtMillis, long typingMillis, long pollMillis, long moveMillis,
            boolean submit, long chatMillis) {
        Plan(long startAtMillis, long stopAtMillis, long typingMillis, long pollMillis, long moveMillis,
                boolean submit) {
            this(startAtMillis, stopAtMillis, typingMillis, pollMillis, moveMillis, submit, 0);
        }
    }

    /** What candidates ask an assistant; each candidate adds its own words, as real wording varies. */
    private static final String[] PROMPTS = {"Can you draft the summary for the director?",
        "What was the growth of each channel compared with last year?", "Please double-check the total growth figure",
        "Make the draft shorter, it has to fit on one screen", "Which channel should get the extra budget and why?",
        "Are there any caveats in the data I should mention?", "Suggest a subject line for the email",
        "What share of revenue did the marketplace bring in?"};

    private static final String[] WORDS = {"data", "check", "source", "owner", "review", "sample", "weekly",
        "report", "risk", "step", "input", "output", "model", "error", "audit", "sheet", "query", "trend"};
    private static final int MAX_START_CLICKS = 10;
    /** A browser never gives up; the harness stops after this many reloads in a row that all failed. */
    private static final int MAX_REOPENS = 20;

    final int index;
    final String token;
    private final FlowClient flow;
    private final Recorder rec;
    private final Plan plan;
    private final Random random;
    /** Task position → answer field → the text the server last acknowledged. */
    final Map<Integer, Map<String, String>> acknowledged = new HashMap<>();
    final Map<Integer, Map<String, String>> typed = new HashMap<>();
    /** Task position → answer field → when each version was typed and its length, oldest first. */
    final Map<Integer, Map<String, List<long[]>>> history = new HashMap<>();
    volatile boolean started;
    volatile boolean submitted;
    volatile int startClicks;
    private int position;
    private int fieldTurn;
    private int reopens;

    Candidate(int index, String token, FlowClient flow, Recorder rec, Plan plan) {
        this.index = index;
        this.token = token;
        this.flow = flow;
        this.rec = rec;
        this.plan = plan;
        this.random = new Random(index * 7919L + 17);
    }

    /** The node HAProxy's cookie names for this candidate, or null. */
    String node() {
        return flow.node();
    }

    @Override
    public void run() {
        try {
            sleepUntil(plan.startAtMillis());
            try {
                open();
            } catch (IOException e) {
                recover(e);
            }
            if (!startRecovering()) {
                rec.count("start-refused");
                return;
            }
            long now = System.currentTimeMillis();
            long nextType = now + jitter(plan.typingMillis());
            long nextPoll = now + plan.pollMillis();
            long nextMove = now + plan.moveMillis() + random.nextLong(plan.moveMillis() / 2 + 1);
            long nextHeartbeat = now + 300_000;
            long nextChat = Long.MAX_VALUE;
            if (plan.chatMillis() > 0 && toAssistant()) {
                nextMove = Long.MAX_VALUE;
                nextChat = now + jitter(plan.chatMillis());
            }
            while (true) {
                long next = Math.min(Math.min(Math.min(nextType, nextPoll), Math.min(nextMove, nextHeartbeat)), nextChat);
                if (next >= plan.stopAtMillis()) {
                    break;
                }
                sleepUntil(next);
                try {
                    now = System.currentTimeMillis();
                    if (now >= nextType) {
                        type();
                        nextType = now + jitter(plan.typingMillis());
                    }
                    if (now >= nextPoll) {
                        poll();
                        nextPoll = now + plan.pollMillis();
                    }
                    if (now >= nextMove) {
                        move();
                        nextMove = now + plan.moveMillis();
                    }
                    if (now >= nextHeartbeat) {
                        flow.heartbeat();
                        nextHeartbeat = now + 300_000;
                    }
                    if (now >= nextChat) {
                        chat();
                        nextChat = now + jitter(plan.chatMillis());
                    }
                } catch (IOException e) {
                    recover(e);
                }
            }
            if (plan.submit()) {
                sleepUntil(plan.stopAtMillis() + random.nextLong(20_000));
                for (int tries = 0; tries < 3 && !submitted; tries++) {
                    if (tries > 0) {
                        // As a person would after the page reloaded: open it again and submit again.
                        Thread.sleep(2_000);
                        try {
                            open();
                            if (flow.byId("receipt").isPresent()) {
                                submitted = true;
                                break;
                            }
                            resendUnconfirmed();
                        } catch (IOException again) {
                            rec.failed("reopen-to-submit", again.getMessage());
                            continue;
                        }
                    }
                    submit();
                }
            }
        } catch (IOException e) {
            rec.failed("abandoned", e.getMessage());
            rec.count("abandoned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            rec.failed("driver", e.toString());
            rec.count("abandoned");
        }
    }

    private void open() throws IOException, InterruptedException {
        Reply r = flow.open("c/" + token);
        rec.ok("open", r.nanos());
        readPosition();
    }

    /**
     * Reopens the page after a failed request, as a reload would; the attempt carries on from the database. Then,
     * as the page's draft keeper does after a reload, sends again what the server never confirmed.
     */
    private void recover(IOException e) throws IOException, InterruptedException {
        rec.failed(e instanceof FlowException f ? f.kind : "io", e.getMessage());
        while (true) {
            if (++reopens > MAX_REOPENS) {
                throw e;
            }
            Thread.sleep(1_000 + random.nextInt(2_000));
            try {
                open();
                rec.count("reopened");
                resendUnconfirmed();
                reopens = 0;
                return;
            } catch (IOException again) {
                // the reload itself failed (no node ready yet): the browser tries again
                rec.failed(again instanceof FlowException f ? "reopen-" + f.kind : "reopen-io", again.getMessage());
                e = again;
            }
        }
    }

    private void resendUnconfirmed() throws IOException, InterruptedException {
        Map<String, String> mine = typed.getOrDefault(position, Map.of());
        Map<String, String> confirmed = acknowledged.getOrDefault(position, Map.of());
        for (int node : flow.withAttribute("data-draft-key", "vaadin-text-area")) {
            String key = flow.nodes.get(node).attributes.get("data-draft-key");
            String value = mine.get(key);
            if (value != null && !value.equals(confirmed.get(key))) {
                Reply r = flow.rpc(List.of(FlowClient.sync(node, "value", value),
                        FlowClient.event(node, "input", Map.of("1", 1, "for", "trailing"))));
                if (r.mentions("assayDrafts.confirm")) {
                    acknowledged.computeIfAbsent(position, p -> new HashMap<>()).put(key, value);
                    rec.count("resent-after-reload");
                }
            }
        }
    }

    /** Starts; a request that fails on the way (a node lost) reloads the page and carries on, as a browser would. */
    private boolean startRecovering() throws IOException, InterruptedException {
        for (int tries = 0; ; tries++) {
            try {
                return start();
            } catch (IOException e) {
                if (tries >= 5) {
                    throw e;
                }
                recover(e);
            }
        }
    }

    private boolean start() throws IOException, InterruptedException {
        if (flow.byId("work").isPresent()) {
            started = true;
            return true;
        }
        int consent = flow.byId("consent").orElseThrow(() -> new FlowException("page", "no consent box"));
        flow.rpc(List.of(FlowClient.sync(consent, "checked", true),
                FlowClient.event(consent, "checked-changed", Map.of())));
        for (int click = 1; click <= MAX_START_CLICKS; click++) {
            startClicks = click;
            int start = flow.byId("start").orElseThrow(() -> new FlowException("page", "no start button"));
            Reply r = flow.rpc(List.of(FlowClient.click(start)));
            if (flow.byId("work").isPresent()) {
                rec.ok("start", r.nanos());
                readPosition();
                started = true;
                return true;
            }
            rec.count("start-conflict");
            rec.failed("start-conflict", flow.byId("consent-error").map(n -> flow.nodes.get(n).text).orElse("?"));
            Thread.sleep(1_000 + random.nextInt(1_000));
        }
        return false;
    }

    private void type() throws IOException, InterruptedException {
        List<Integer> fields = flow.withAttribute("data-draft-key", "vaadin-text-area");
        if (fields.isEmpty()) {
            return;
        }
        int node = fields.get(fieldTurn++ % fields.size());
        FlowClient.Node field = flow.nodes.get(node);
        String key = field.attributes.get("data-draft-key");
        Map<String, String> mine = typed.computeIfAbsent(position, p -> new HashMap<>());
        String before = mine.getOrDefault(key, String.valueOf(field.properties.getOrDefault("value", "")));
        StringBuilder text = new StringBuilder(before);
        if (text.isEmpty()) {
            text.append("c").append(index).append(" ").append(key);
        }
        for (int i = 0; i < 3; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        String value = text.toString();
        mine.put(key, value);
        history.computeIfAbsent(position, p -> new HashMap<>()).computeIfAbsent(key, k -> new java.util.ArrayList<>())
                .add(new long[] {System.currentTimeMillis(), value.length()});
        Map<String, Object> trailing = new HashMap<>();
        trailing.put("1", 1);
        trailing.put("for", "trailing");
        Reply r = flow.rpc(List.of(FlowClient.sync(node, "value", value), FlowClient.event(node, "input", trailing)));
        if (r.mentions("assayDrafts.confirm")) {
            rec.ok("save", r.nanos());
            acknowledged.computeIfAbsent(position, p -> new HashMap<>()).put(key, value);
        } else {
            rec.failed("save-not-confirmed", r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        }
    }

    /** The page's 15-second tick: what it observed since the last one, and the check that the attempt goes on. */
    private void poll() throws IOException, InterruptedException {
        Optional<Integer> root = root();
        if (root.isEmpty()) {
            return;
        }
        String observed = "[{\"pos\":" + position + ",\"s\":15,\"p\":0,\"c\":0,\"f\":"
                + (random.nextInt(10) == 0 ? 1 : 0) + "}]";
        Reply r = flow.rpc(List.of(FlowClient.event(root.get(), "assay-tick", Map.of("event.detail.signals", observed))));
        rec.ok("tick", r.nanos());
    }

    /** Moves, task by task, to the first task with an assistant; false if the assessment has none. */
    private boolean toAssistant() throws IOException, InterruptedException {
        for (int tries = 0; tries < 10 && flow.byId("assistant-message").isEmpty(); tries++) {
            move();
        }
        return flow.byId("assistant-message").isPresent();
    }

    /** Types a message into the assistant's box and sends it; the reply is the page adding the assistant's turn. */
    private void chat() throws IOException, InterruptedException {
        Optional<Integer> box = flow.byId("assistant-message");
        Optional<Integer> send = flow.byId("assistant-send");
        if (box.isEmpty() || send.isEmpty()) {
            return;
        }
        String prompt = PROMPTS[random.nextInt(PROMPTS.length)] + " (" + WORDS[random.nextInt(WORDS.length)] + " "
                + index + ")";
        Reply r = flow.rpc(List.of(FlowClient.sync(box.get(), "value", prompt),
                FlowClient.event(box.get(), "value-changed", Map.of()), FlowClient.click(send.get())));
        if (r.mentions("chat-assistant")) {
            rec.ok("assistant", r.nanos());
        } else {
            rec.failed("assistant-no-reply", r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        }
    }

    private void move() throws IOException, InterruptedException {
        List<Integer> tasks = flow.nodes.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().attributes.get("id")).startsWith("task-")
                        && String.valueOf(e.getValue().attributes.get("id")).matches("task-\\d+"))
                .map(Map.Entry::getKey).toList();
        if (tasks.size() < 2) {
            return;
        }
        int target = (position + 1) % tasks.size();
        int button = flow.byId("task-" + (target + 1)).orElseThrow(() -> new FlowException("page", "no task button"));
        Reply r = flow.rpc(List.of(FlowClient.click(button)));
        rec.ok("move", r.nanos());
        readPosition();
    }

    private void submit() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            int review = flow.byId("review").orElseThrow(() -> new FlowException("page", "no review button"));
            flow.rpc(List.of(FlowClient.click(review)));
            int submit = flow.byId("submit").orElseThrow(() -> new FlowException("page", "no submit button"));
            flow.rpc(List.of(FlowClient.click(submit)));
            int dialog = flow.byTag("vaadin-confirm-dialog")
                    .orElseThrow(() -> new FlowException("page", "no confirmation dialog"));
            flow.rpc(List.of(FlowClient.event(dialog, "confirm", null), FlowClient.sync(dialog, "opened", false),
                    FlowClient.event(dialog, "opened-changed", Map.of())));
            if (flow.byId("receipt").isEmpty()) {
                throw new FlowException("page", "no receipt after submitting");
            }
            rec.ok("submit", System.nanoTime() - t0);
            submitted = true;
        } catch (IOException e) {
            rec.failed(e instanceof FlowException f ? "submit-" + f.kind : "submit-io", e.getMessage());
            rec.count("submit-failed");
        }
    }

    private Optional<Integer> root() {
        List<Integer> roots = flow.withAttribute("data-position", null);
        return roots.isEmpty() ? Optional.empty() : Optional.of(roots.getFirst());
    }

    private void readPosition() {
        root().map(n -> flow.nodes.get(n).attributes.get("data-position")).ifPresent(p -> position = Integer.parseInt(p));
    }

    private long jitter(long mean) {
        return mean / 2 + random.nextLong(mean + 1);
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
