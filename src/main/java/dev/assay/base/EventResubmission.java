package dev.assay.base;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again, on one node of the cluster at a time. A publication
 * fails when its listener threw (after its own retries), and Spring Modulith's staleness check marks one failed
 * when it stayed "processing" too long ({@code spring.modulith.events.staleness.processing}): the node handling it
 * died. Every listener is safe to run twice (the review intake finds the attempt already in review; the
 * collaboration summary replaces its row). A publication is resubmitted at most once a
 * {@code assay.events.resubmit-interval} and only when it is at least a minute old, so one that is merely slow
 * is left alone.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final ClusterJobs cluster;
    private final Duration interval;

    EventResubmission(IncompleteEventPublications incomplete, ClusterJobs cluster,
            @Value("${assay.events.resubmit-interval:PT1M}") Duration interval) {
        this.incomplete = incomplete;
        this.cluster = cluster;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${assay.events.resubmit-interval:PT1M}",
            initialDelayString = "${assay.events.resubmit-interval:PT1M}")
    void scheduled() {
        cluster.runOnce("event-resubmission", Duration.ofMinutes(10), interval.dividedBy(2), this::resubmitFailed);
    }

    void resubmitFailed() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(Duration.ofMinutes(1))
                .withFilter(p -> p.getStatus() == EventPublication.Status.FAILED));
        log.debug("Resubmitted failed event publications older than a minute");
    }
}
