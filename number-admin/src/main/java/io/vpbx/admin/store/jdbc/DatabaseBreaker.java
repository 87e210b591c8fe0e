package io.vpbx.admin.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The circuit breaker in front of the database. A connection failure (no connection within the pool's timeout, a
 * reset or timed-out socket) opens it for {@code retryAfter}: meanwhile every transaction fails at once instead of
 * each waiting out the timeouts and holding a worker. When that time is up one caller is let through as the probe
 * (half-open); its success closes the breaker, its failure opens it for another {@code retryAfter}. A statement
 * that fails for its own reasons (a constraint, a timeout of the statement) says nothing about reachability.
 */
public final class DatabaseBreaker {
    private final Clock clock;
    private final Duration retryAfter;
    /** Null while closed; otherwise when the next probe may go through. */
    private volatile Instant downUntil;
    private volatile Instant downSince;
    private final AtomicBoolean probing = new AtomicBoolean();

    public DatabaseBreaker(Clock clock, Duration retryAfter) {
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Whether a transaction may try the database now: closed, or this caller is the half-open probe. */
    public boolean allows() {
        Instant until = downUntil;
        if (until == null) {
            return true;
        }
        return !clock.instant().isBefore(until) && probing.compareAndSet(false, true);
    }

    public void succeeded() {
        if (downUntil != null) {
            downUntil = null;
            downSince = null;
        }
        probing.set(false);
    }

    /** Counts {@code failure} against the database when it says the database cannot be reached. */
    public void failed(Throwable failure) {
        if (unreachable(failure)) {
            if (downSince == null) {
                downSince = clock.instant();
            }
            downUntil = clock.instant().plus(retryAfter);
            probing.set(false);
        } else if (probing.get()) {
            succeeded(); // the probe reached the database; its statement failed for its own reasons
        }
    }

    /** Whether the database is known to be down now. */
    public boolean open() {
        return downUntil != null;
    }

    /** Since when the database has been down, for logs and metrics; null while it is up. */
    public Instant downSince() {
        return downSince;
    }

    /** Whole seconds a client should wait before trying again, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /**
     * True for what says the database cannot be reached: the pool's connection timeout, the SQL states of class 08
     * (connection exception) anywhere in the causes, or an I/O failure under the driver.
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
