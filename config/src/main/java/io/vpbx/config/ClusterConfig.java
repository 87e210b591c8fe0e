package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node works with the other nodes sharing its database (docs/adr/0033): it follows admin changes made
 * through them by reading the audit log on from the last entry it saw and re-reading each resource named there,
 * and it leaves the cluster by draining first.
 *
 * @param pollInterval how often the log is read; zero turns following off (a node alone on its database)
 * @param pollBatch    most audit entries read and applied in one round; a longer backlog is caught up
 *                     over several rounds
 * @param listens      cluster.notify: on PostgreSQL, also LISTEN for the notification each audit entry sends at commit and read
 *                     the log at once; polling stays as the safety net (H2 has no notifications and only polls)
 * @param drainNotice  how long a stopping node keeps answering OPTIONS and new calls 503 before it closes its
 *                     sockets, however idle: long enough for the dispatcher's probes to take it out
 * @param drainTimeout most a stopping node waits for calls under way to end before it stops anyway
 */
public record ClusterConfig(Duration pollInterval, int pollBatch, boolean listens, Duration drainNotice, Duration drainTimeout) {

    public static final int MAX_POLL_BATCH = 100_000;
    public static final Duration DEFAULT_DRAIN_NOTICE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

    public ClusterConfig {
        Objects.requireNonNull(pollInterval, "cluster.poll-interval");
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("cluster.poll-interval must be zero (off) or positive but is " + pollInterval);
        }
        Checks.requireBetween(pollBatch, 1, MAX_POLL_BATCH, "cluster.poll-batch");
        Objects.requireNonNull(drainNotice, "cluster.drain-notice");
        Objects.requireNonNull(drainTimeout, "cluster.drain-timeout");
        if (drainNotice.isNegative() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("cluster.drain-notice and cluster.drain-timeout must be zero or positive");
        }
        if (drainTimeout.compareTo(drainNotice) < 0) {
            throw new IllegalArgumentException("cluster.drain-timeout must be at least cluster.drain-notice");
        }
    }

    /** Polling only, with the default drain times. */
    public ClusterConfig(Duration pollInterval, int pollBatch) {
        this(pollInterval, pollBatch, false, DEFAULT_DRAIN_NOTICE, DEFAULT_DRAIN_TIMEOUT);
    }

    /** Whether this node reads the log at all. */
    public boolean follows() {
        return !pollInterval.isZero();
    }
}
