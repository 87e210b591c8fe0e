package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node follows admin changes made through the other nodes sharing its database: it reads the audit
 * log on from the last entry it saw and re-reads each resource named there.
 *
 * @param pollInterval how often the log is read; zero turns following off (a node alone on its database)
 * @param pollBatch    most audit entries read and applied in one round; a longer backlog is caught up
 *                     over several rounds
 */
public record ClusterConfig(Duration pollInterval, int pollBatch) {

    public static final int MAX_POLL_BATCH = 100_000;

    public ClusterConfig {
        Objects.requireNonNull(pollInterval, "cluster.poll-interval");
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("cluster.poll-interval must be zero (off) or positive but is " + pollInterval);
        }
        Checks.requireBetween(pollBatch, 1, MAX_POLL_BATCH, "cluster.poll-batch");
    }

    /** Whether this node reads the log at all. */
    public boolean follows() {
        return !pollInterval.isZero();
    }
}
