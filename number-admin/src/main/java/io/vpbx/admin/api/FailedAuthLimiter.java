package io.vpbx.admin.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications per source address: after {@code limit} failures within {@code window} (counted
 * from the first), the source is refused until that window ends, whatever key it sends, so a refused answer
 * never tells a good key from a bad one. A persistent guesser gets at most {@code limit} tries per window. Per
 * node, like {@link RateLimiter}; the number of sources tracked is bounded (a full table forgets ended windows
 * first and stops tracking new sources rather than grow).
 */
final class FailedAuthLimiter {
    static final int MAX_SOURCES = 100_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        int failures;

        Window(long start) {
            this.start = start;
        }
    }

    FailedAuthLimiter(int limit, long windowNanos, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** 0 when the source may try; otherwise whole seconds until its window ends. */
    long retryAfter(String source) {
        Window window = windows.get(source);
        if (window == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        synchronized (window) {
            long left = window.start + windowNanos - now;
            if (left <= 0) {
                windows.remove(source, window);
                return 0;
            }
            return window.failures >= limit ? Math.max(1, (left + 999_999_999L) / 1_000_000_000L) : 0;
        }
    }

    /** Notes a failed authentication from the source. */
    void failed(String source) {
        long now = nanoTime.getAsLong();
        if (!windows.containsKey(source) && windows.size() >= MAX_SOURCES) {
            windows.entrySet().removeIf(entry -> entry.getValue().start + windowNanos - now <= 0);
            if (windows.size() >= MAX_SOURCES) {
                return;
            }
        }
        Window window = windows.compute(source, (key, old) -> old == null || old.start + windowNanos - now <= 0 ? new Window(now) : old);
        synchronized (window) {
            window.failures++;
        }
    }
}
