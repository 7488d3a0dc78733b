package dev.assay.integration.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key on this node: {@code assay.api.requests-per-minute} requests (default 120), refilled
 * evenly. With several nodes behind a load balancer each node counts its own share, so a key may get up to that many
 * per node; the limit protects the database from one runaway integration rather than metering usage.
 */
@Component
public class RateLimiter {

    private final ConcurrentHashMap<Long, double[]> buckets = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    RateLimiter(@Value("${assay.api.requests-per-minute:120}") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("assay.api.requests-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /**
     * Takes one request from the key's bucket. Returns 0 when the request may go ahead, otherwise the whole seconds
     * to wait before the next one would be allowed (for {@code Retry-After}).
     */
    public long take(long keyId) {
        double now = clock.millis() / 1000.0;
        double rate = perMinute / 60.0;
        double[] wait = {0};
        buckets.compute(keyId, (id, bucket) -> {
            double[] b = bucket == null ? new double[] {perMinute, now} : bucket;
            b[0] = Math.min(perMinute, b[0] + (now - b[1]) * rate);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
            } else {
                wait[0] = Math.ceil((1 - b[0]) / rate);
            }
            return b;
        });
        return (long) wait[0];
    }
}
