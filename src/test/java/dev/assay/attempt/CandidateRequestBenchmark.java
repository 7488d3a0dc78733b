package dev.assay.attempt;

import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.review.ReviewFixtures;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.FlawCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What one candidate request costs in statements and time against the test database: the page's periodic
 * check, a full open, a save and a start. Counts come from the server's own counters (MySQL or MariaDB
 * {@code Com_select} and {@code Com_update}), read before and after a batch of calls with nothing else
 * running. A measurement, not a test: it prints a table and asserts nothing. Run it alone:
 * {@code ./mvnw -B test -Dtest=CandidateRequestBenchmark} with {@code ASSAY_TEST_DB_URL} set.
 */
@WithMockUser(username = "rhea@assay.example", roles = "RECRUITER")
class CandidateRequestBenchmark extends DatabaseTest {

    private static final int CALLS = 300;

    @Autowired
    AttemptService attempts;

    @Autowired
    InvitationService invitations;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String invite(AssessmentView a) {
        IssuedInvitation issued = invitations.invite(a.id(), new NewInvitation("Cand " + id(),
                "cand." + id() + "@example.com", 0, Instant.now().plus(Duration.ofDays(3))));
        return issued.link().substring(issued.link().lastIndexOf('/') + 1);
    }

    private long counter(String name) {
        return jdbc.sql("show global status like '" + name + "'").query((rs, n) -> rs.getLong(2)).single();
    }

    private void measure(String what, List<Runnable> calls) {
        long selects = counter("Com_select");
        long updates = counter("Com_update") + counter("Com_insert");
        List<Long> nanos = new ArrayList<>();
        for (Runnable call : calls) {
            long t0 = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - t0);
        }
        double n = calls.size();
        nanos.sort(null);
        System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", what, calls.size(),
                (counter("Com_select") - selects) / n, (counter("Com_update") + counter("Com_insert") - updates) / n,
                nanos.get(nanos.size() / 2) / 1e6);
    }

    @Test
    void measure() {
        AssessmentView a = fixtures.assessment();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < CALLS + 20; i++) {
            fresh.add(invite(a));
        }
        String token = fresh.removeLast();
        attempts.start(token, true);
        attempts.claim(token, "bench-page");
        long version = attempts.open(token).tasks().get(2).task().versionId();
        List<AttemptService.SignalCounts> observed = List.of(new AttemptService.SignalCounts(2, 15, 0, 0, 0));
        Answer answer = new Answer(null, null, new Answer.Critique(
                List.of(new Answer.Flag(1, FlawCategory.WRONG_CALCULATION, "120/100 is 20%.")), "Corrected.",
                Answer.Verdict.FIT_AFTER_FIXES, "Fix the figure first."));
        for (int i = 0; i < 20; i++) {
            attempts.pulse(token);
            attempts.open(token);
            attempts.save(token, "bench-page", 2, answer);
            attempts.save(token, "bench-page", 2, version, answer);
            attempts.tick(token, observed);
            attempts.start(fresh.removeLast(), true);
        }
        System.out.println("| request | calls | SELECTs per call | UPDATEs+INSERTs per call | median ms |");
        System.out.println("| --- | --- | --- | --- | --- |");
        measure("periodic check (pulse)", repeat(() -> attempts.pulse(token)));
        measure("open (whole attempt)", repeat(() -> attempts.open(token)));
        measure("save one answer (full path)", repeat(() -> attempts.save(token, "bench-page", 2, answer)));
        measure("save one answer (the page's path)", repeat(() -> attempts.save(token, "bench-page", 2, version, answer)));
        measure("tick (signals and check)", repeat(() -> attempts.tick(token, observed)));
        List<Runnable> starts = new ArrayList<>();
        for (String t : fresh) {
            starts.add(() -> attempts.start(t, true));
        }
        measure("start (draw 3 tasks)", starts);
    }

    private static List<Runnable> repeat(Runnable call) {
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(call);
        }
        return calls;
    }
}
