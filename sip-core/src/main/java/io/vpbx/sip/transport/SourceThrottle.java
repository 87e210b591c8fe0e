package io.vpbx.sip.transport;

import io.vpbx.config.SipConfig;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket per source IP address: {@code perSecond} requests sustained, {@code burst} at once.
 *
 * <p>Each bucket is kept as one number, the time at which the source's credit will be full again (the
 * "theoretical arrival time" of the generic cell rate algorithm, equivalent to a token bucket): a request
 * is admitted when that time is no more than {@code burst} intervals ahead of now, and moves it one
 * interval on. A refused request costs the source nothing, so a flooding source still gets its sustained
 * rate through.
 *
 * <p>At most {@code maxSources} sources are tracked; when a new one comes, the one heard from least
 * recently is forgotten (a forgotten source starts again with a full burst). Every call is O(1).
 *
 * <p>Not thread-safe, and needs no lock: an instance belongs to one event loop and is only used there.
 */
public final class SourceThrottle {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Nanoseconds one request uses up at the sustained rate. */
    private final long interval;
    /** How far ahead of now a source's full-credit time may run: the burst. */
    private final long tolerance;
    private final LongSupplier nanoTime;
    private final Map<InetAddress, Credit> sources;

    /** A source's full-credit time, mutated in place so that a request allocates nothing. */
    private static final class Credit {
        long fullAt;

        Credit(long fullAt) {
            this.fullAt = fullAt;
        }
    }

    /**
     * @param perSecond sustained requests per second per source, at least 1
     * @param burst requests a source with full credit may send at once, at least 1
     * @param maxSources most sources tracked at once, at least 1
     * @param nanoTime a monotonic nanosecond clock, {@code System::nanoTime} outside tests
     */
    public SourceThrottle(int perSecond, int burst, int maxSources, LongSupplier nanoTime) {
        if (perSecond < 1 || perSecond > NANOS_PER_SECOND || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate, burst and max sources must be positive: " + perSecond + ", "
                    + burst + ", " + maxSources);
        }
        this.interval = NANOS_PER_SECOND / perSecond;
        this.tolerance = burst * interval;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Credit> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** The throttle {@code config} asks for; only meaningful when {@link SipConfig#throttlesSources()}. */
    public static SourceThrottle of(SipConfig config, LongSupplier nanoTime) {
        return new SourceThrottle(config.perSourceRate(), config.perSourceBurst(), config.maxSources(), nanoTime);
    }

    /** Whether one more request from {@code source} may go on; an admitted request uses up its credit. */
    public boolean admit(InetAddress source) {
        long now = nanoTime.getAsLong();
        // get() also marks the source as the most recently heard from, so eviction takes the stalest.
        Credit credit = sources.get(source);
        if (credit == null) {
            sources.put(source, new Credit(now + interval));
            return true;
        }
        // Compared by difference, so that a wrapping nanoTime stays correct.
        long from = credit.fullAt - now > 0 ? credit.fullAt : now;
        long next = from + interval;
        if (next - now > tolerance) {
            return false;
        }
        credit.fullAt = next;
        return true;
    }

    /** How many sources are tracked now, never more than {@code maxSources}. */
    public int trackedSources() {
        return sources.size();
    }
}
