package io.vpbx.admin.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code perSecond} sustained, {@code burst} at once. Time is a nanosecond
 * source given by the caller, so tests drive it. Per node: behind a load balancer each node enforces
 * its own share.
 */
final class RateLimiter {
    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may go on; otherwise the whole seconds to wait before a token is back. */
    long acquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double nanosToNext = (1 - bucket.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
        }
    }
}
