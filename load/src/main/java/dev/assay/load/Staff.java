package dev.assay.load;

import dev.assay.load.FlowClient.FlowException;
import dev.assay.load.FlowClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One staff member's browser while candidates type: a recruiter who opens the review board, the ranking
 * (and downloads its CSV) and a rank card in turn, or a reviewer who opens their queue and a review, sets a
 * level on every criterion, writes the overall comment, saves a draft and submits. One page or action every
 * {@code thinkMillis} (±50%), all in one tab: the first page loads, later pages are in-app navigations of
 * the same UI (as the menu and links do). Each is timed under its own name; after a failure the tab is
 * reloaded. The harness measures each navigation's and action's round trip, not the grid rows a browser
 * fetches afterwards as it scrolls.
 */
final class Staff implements Runnable {

    enum Role { RECRUITER, REVIEWER }

    record Plan(long startAtMillis, long stopAtMillis, long thinkMillis) {
    }

    private final int index;
    private final Role role;
    private final String email;
    private final String password;
    private final long assessmentId;
    private final long reviewedRoundId;
    private final Database db;
    private final FlowClient flow;
    private final Recorder rec;
    private final Plan plan;
    private final SplittableRandom random;
    volatile int scored;

    Staff(int index, Role role, String email, String password, long assessmentId, long reviewedRoundId, Database db,
            FlowClient flow, Recorder rec, Plan plan) {
        this.index = index;
        this.role = role;
        this.email = email;
        this.password = password;
        this.assessmentId = assessmentId;
        this.reviewedRoundId = reviewedRoundId;
        this.db = db;
        this.flow = flow;
        this.rec = rec;
        this.plan = plan;
        this.random = new SplittableRandom(7_000 + index);
    }

    @Override
    public void run() {
        try {
            pause(plan.startAtMillis() - System.currentTimeMillis());
            Reply in = flow.signIn(email, password);
            rec.ok("sign-in", in.nanos());
            // One tab: the first page loads, every later page is an in-app navigation of the same UI.
            flow.open(role == Role.RECRUITER ? "recruiter" : "reviews");
            while (System.currentTimeMillis() < plan.stopAtMillis()) {
                try {
                    if (role == Role.RECRUITER) {
                        recruiterRound();
                    } else {
                        reviewerRound();
                    }
                } catch (FlowException e) {
                    rec.failed(role.name().toLowerCase() + "-" + e.kind, e.getMessage());
                    reopen();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            rec.failed(role.name().toLowerCase() + "-stopped", e.toString());
        }
    }

    /**
     * Opens the home page again after a failed request. When the session is gone (its node stopped), the page
     * sends the person to sign in: they sign in again, once, and carry on.
     */
    private void reopen() throws Exception {
        String home = role == Role.RECRUITER ? "recruiter" : "reviews";
        try {
            flow.open(home);
        } catch (FlowException signedOut) {
            Thread.sleep(1_000);
            Reply in = flow.signIn(email, password);
            rec.ok("sign-in", in.nanos());
            rec.count("staff-signed-in-again");
            flow.open(home);
        }
    }

    private void recruiterRound() throws Exception {
        Reply board = flow.navigate("recruiter/review/" + assessmentId);
        expect("board", board, "board-stats");
        think();
        Reply ranking = flow.navigate("recruiter/ranking/" + assessmentId);
        rec.ok("ranking", ranking.nanos());
        flow.byId("download-ranking").map(n -> flow.nodes.get(n).attributes.get("href")).ifPresent(href -> {
            try {
                // A download link's href arrives as {"uri": "VAADIN/dynamic/resource/…"}.
                String uri = href.startsWith("{") ? FlowClient.JSON.readTree(href).path("uri").asString() : href;
                Reply csv = flow.get("/" + uri);
                if (csv.body().contains("Candidate code")) {
                    rec.ok("csv", csv.nanos());
                } else {
                    rec.failed("csv-not-a-ranking", csv.body().length() > 200 ? csv.body().substring(0, 200)
                            : csv.body());
                }
            } catch (Exception e) {
                rec.failed("csv", e.toString());
            }
        });
        think();
        List<Long> ranked = db.rankedSubmissions(reviewedRoundId);
        if (!ranked.isEmpty()) {
            Reply card = flow.navigate("recruiter/rank-card/" + ranked.get(random.nextInt(ranked.size())));
            expect("rank-card", card, "card-criteria");
        }
        think();
    }

    private void reviewerRound() throws Exception {
        Reply queue = flow.navigate("reviews");
        expect("queue", queue, "review-queue", "reviewer-home");
        think();
        Long open = db.openAssignment(email, index);
        if (open == null) {
            think();
            return;
        }
        Reply sheet = flow.navigate("reviews/" + open);
        expect("sheet", sheet, "scoring-view");
        think();
        List<Map<String, Object>> levels = new ArrayList<>();
        // One group per criterion: the newest node with each id (an earlier page's may still be in the model).
        Map<String, Integer> groups = new java.util.TreeMap<>();
        for (int node : flow.withAttribute("id", "vaadin-radio-group")) {
            String id = flow.nodes.get(node).attributes.get("id");
            if (id.startsWith("level-")) {
                groups.merge(id, node, Math::max);
            }
        }
        for (int node : groups.values()) {
            // The item key of level 3 (items 1..5 get keys "1".."5" in order).
            levels.add(FlowClient.sync(node, "value", "3"));
            levels.add(FlowClient.event(node, "value-changed", Map.of()));
        }
        if (levels.isEmpty()) {
            rec.failed("sheet-no-levels", "review " + open + " shows no level to choose");
            return;
        }
        int comment = flow.byId("overall-comment").orElseThrow(() -> new FlowException("page", "no overall comment"));
        levels.add(FlowClient.sync(comment, "value", "Load-test scorecard " + index + ": clear steps, checks named."));
        levels.add(FlowClient.event(comment, "input", Map.of()));
        Reply filled = flow.rpc(levels);
        rec.ok("score-fields", filled.nanos());
        int save = flow.byId("save-draft").orElseThrow(() -> new FlowException("page", "no save button"));
        Reply draft = flow.rpc(List.of(FlowClient.click(save)));
        rec.ok("draft", draft.nanos());
        think();
        int submit = flow.byId("submit-scorecard").orElseThrow(() -> new FlowException("page", "no submit button"));
        flow.rpc(List.of(FlowClient.click(submit)));
        int dialog = flow.byId("confirm-submit").orElseThrow(() -> new FlowException("page",
                "no confirmation: the scorecard has gaps"));
        Reply done = flow.rpc(List.of(FlowClient.event(dialog, "confirm", null), FlowClient.sync(dialog, "opened", false),
                FlowClient.event(dialog, "opened-changed", Map.of())));
        if (done.mentions("Scorecard submitted")) {
            rec.ok("submit-scorecard", done.nanos());
            scored++;
        } else {
            rec.failed("submit-scorecard", done.body().length() > 300 ? done.body().substring(0, 300) : done.body());
        }
        think();
    }

    /** Records the page under {@code kind} if one of the ids is on it, else a failure. */
    private void expect(String kind, Reply page, String... ids) {
        for (String id : ids) {
            if (flow.byId(id).isPresent()) {
                rec.ok(kind, page.nanos());
                return;
            }
        }
        rec.failed(kind + "-not-shown", page.body().length() > 300 ? page.body().substring(0, 300) : page.body());
    }

    private void think() throws InterruptedException {
        long wait = (long) (plan.thinkMillis() * (0.5 + random.nextDouble()));
        pause(Math.min(wait, plan.stopAtMillis() - System.currentTimeMillis()));
    }

    private static void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
