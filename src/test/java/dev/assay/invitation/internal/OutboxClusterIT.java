package dev.assay.invitation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.DatabaseTest;
import dev.assay.support.TestMailServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox with several nodes dispatching at once: each message is claimed by one node and mailed once; a
 * node that dies holding a claim leaves its messages to another node once the lease runs out. The "nodes" are
 * owners of claims on the one test database, mailing through the in-process SMTP server.
 */
class OutboxClusterIT extends DatabaseTest {

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcClient jdbc;

    /**
     * Messages earlier test classes left pending are set aside, so that the claims here (the oldest first, a
     * batch at a time) reach this test's own.
     */
    @BeforeEach
    void setAsideOtherPendingMessages() {
        jdbc.sql("update outbox_message set delivery = 'HELD' where delivery = 'PENDING'").update();
    }

    private List<Long> pending(String run, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.save(OutboxMessage.of(null, recipient(run, i), "Cluster " + run, "Hello " + i,
                    Instant.now())).getId());
        }
        return ids;
    }

    private static String recipient(String run, int i) {
        return "c" + i + "." + run + "@example.com";
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void threeNodesDispatchingAtOnceMailEveryMessageExactlyOnce() throws Exception {
        String run = run();
        List<Long> mine = pending(run, 300);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<Long>>> claimedByNode = new ArrayList<>();
        for (String node : List.of("node-a", "node-b", "node-c")) {
            claimedByNode.add(pool.submit(() -> {
                go.await();
                List<Long> claimedHere = new ArrayList<>();
                for (List<Long> batch = dispatcher.claim(node); !batch.isEmpty(); batch = dispatcher.claim(node)) {
                    claimedHere.addAll(batch);
                    dispatcher.send(batch, node);
                }
                return claimedHere;
            }));
        }
        go.countDown();
        Set<Long> claimed = new HashSet<>();
        int total = 0;
        for (Future<List<Long>> f : claimedByNode) {
            List<Long> ids = f.get(120, TimeUnit.SECONDS);
            total += ids.size();
            claimed.addAll(ids);
        }
        pool.shutdown();
        // No message was claimed by two nodes, and every one was claimed.
        assertThat(total).isEqualTo(claimed.size());
        assertThat(claimed).containsAll(mine);
        for (int i = 0; i < mine.size(); i++) {
            assertThat(TestMailServer.messagesTo(recipient(run, i))).as("mails to message %d", i).hasSize(1);
        }
        assertThat(outbox.findAllById(mine)).allSatisfy(m -> {
            assertThat(m.getDelivery()).isEqualTo(OutboxMessage.Delivery.SENT);
            assertThat(m.getAttempts()).isEqualTo(1);
        });
    }

    @Test
    void messagesClaimedByANodeThatDiedAreSentByAnotherOnceTheLeaseRunsOut() {
        String run = run();
        List<Long> mine = pending(run, 5);
        List<Long> claimedByDead = dispatcher.claim("node-dead");
        assertThat(claimedByDead).containsAll(mine);

        // The lease holds: another node leaves them alone.
        assertThat(dispatcher.claim("node-b")).doesNotContainAnyElementsOf(mine);
        assertThat(TestMailServer.messagesTo(recipient(run, 0))).isEmpty();

        // The dead node's lease runs out (ten minutes; moved back here rather than waited for).
        jdbc.sql("update outbox_message set lease_until = ? where lease_owner = 'node-dead'")
                .param(java.sql.Timestamp.from(Instant.now().minusSeconds(1))).update();
        List<Long> taken = dispatcher.claim("node-b");
        assertThat(taken).containsAll(mine);
        // The dead node, had it come back, would find its claim gone and send nothing.
        assertThat(dispatcher.send(taken, "node-dead")).isZero();
        dispatcher.send(taken, "node-b");
        for (int i = 0; i < mine.size(); i++) {
            assertThat(TestMailServer.messagesTo(recipient(run, i))).hasSize(1);
        }
        assertThat(outbox.findAllById(mine)).allSatisfy(m -> {
            assertThat(m.getDelivery()).isEqualTo(OutboxMessage.Delivery.SENT);
        });
    }
}
