package dev.assay.base;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A node taken out of service keeps serving for a moment after it starts shutting down: its readiness check
 * already answers "refusing traffic", so the load balancer sees it go (HAProxy's deploy/haproxy.cfg needs three
 * failed checks two seconds apart), and requests still on their way are answered instead of refused. Only then
 * does the web server's graceful shutdown begin (finish in-flight requests, take no new ones). Off by default
 * ({@code assay.shutdown.drain=0s}); the deployment's environment file sets it for clustered nodes.
 *
 * <p>Stops first among the lifecycle beans (the highest phase), so the web server is still running meanwhile.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    ShutdownDrain(@Value("${assay.shutdown.drain:0s}") Duration drain, ApplicationEventPublisher events) {
        this.drain = drain;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness is down; serving for {} more while the load balancer notices", drain);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
