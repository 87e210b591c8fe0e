package io.vpbx.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node behaves when its database is slow or gone: how long any one wait on it may last, how long it is taken
 * as down after a connection failure, and where the node keeps what it cannot write meanwhile (the call record
 * journal, the routing snapshot it can start from).
 *
 * @param connectTimeout   longest wait for a pooled connection, and for a new one to be opened
 * @param statementTimeout longest run of one statement on the server (PostgreSQL statement_timeout)
 * @param socketTimeout    longest wait for the server's answer on the socket: what ends a black-holed connection
 * @param retryAfter       after a connection failure, how long requests fail at once (503, this Retry-After) before
 *                         one is let through to probe the database again
 * @param heldRecords      call records held in memory while the database is down before they go to the journal
 * @param dir              folder of the journal and the snapshot; empty for {@code <data.dir>/outage}
 * @param snapshotInterval how often the routing snapshot is rewritten after changes; zero writes none
 */
public record DatabaseOutageConfig(Duration connectTimeout, Duration statementTimeout, Duration socketTimeout,
        Duration retryAfter, int heldRecords, Optional<Path> dir, Duration snapshotInterval) {

    public static final DatabaseOutageConfig DEFAULTS = new DatabaseOutageConfig(Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(5), 10_000, Optional.empty(), Duration.ofSeconds(10));

    public DatabaseOutageConfig {
        Checks.requirePositive(connectTimeout, "db.connect-timeout");
        Checks.requirePositive(statementTimeout, "db.statement-timeout");
        Checks.requirePositive(socketTimeout, "db.socket-timeout");
        Checks.requirePositive(retryAfter, "db.retry-after");
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("db.socket-timeout must be longer than db.statement-timeout");
        }
        Checks.requireBetween(heldRecords, 1, 10_000_000, "db.outage.held-records");
        Objects.requireNonNull(dir, "db.outage.dir");
        if (snapshotInterval.isNegative()) {
            throw new IllegalArgumentException("db.outage.snapshot-interval must not be negative");
        }
    }

    /** The folder of the journal and the snapshot, {@code dataDir/outage} unless configured. */
    public Path folder(Path dataDir) {
        return dir.orElseGet(() -> dataDir.resolve("outage"));
    }
}
