package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The circuit breaker on a clock the test moves: open on a connection failure, one probe when the time is up. */
class DatabaseBreakerTest {
    private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final DatabaseBreaker breaker = new DatabaseBreaker(clock, Duration.ofSeconds(5));

    @Test
    void aConnectionFailureOpensItUntilRetryAfterThenOneCallerProbes() {
        assertTrue(breaker.allows());
        breaker.failed(new SQLException("connection refused", "08001"));

        assertTrue(breaker.open());
        assertFalse(breaker.allows());
        assertEquals(5, breaker.retryAfterSeconds());
        now = T0.plusSeconds(5);
        assertTrue(breaker.allows(), "the probe");
        assertFalse(breaker.allows(), "only one probe at a time");

        breaker.succeeded();
        assertFalse(breaker.open());
        assertTrue(breaker.allows());
    }

    @Test
    void aFailedProbeOpensItForAnotherRetryAfter() {
        breaker.failed(new SQLTransientConnectionException("vpbx-db - Connection is not available"));
        now = T0.plusSeconds(5);
        assertTrue(breaker.allows());
        breaker.failed(new SQLException("I/O error", new IOException("Connection reset")));

        now = T0.plusSeconds(9);
        assertFalse(breaker.allows());
        now = T0.plusSeconds(10);
        assertTrue(breaker.allows());
        assertEquals(T0, breaker.downSince());
    }

    @Test
    void aStatementsOwnFailureSaysNothingOfReachability() {
        breaker.failed(new SQLException("duplicate key value", "23505"));
        breaker.failed(new SQLException("canceling statement due to statement timeout", "57014"));

        assertFalse(breaker.open());
        assertTrue(breaker.allows());
    }

    @Test
    void aProbeThatReachesTheDatabaseClosesItEvenWhenItsStatementFails() {
        breaker.failed(new SQLException("connection lost", "08006"));
        now = T0.plusSeconds(5);
        assertTrue(breaker.allows());

        breaker.failed(new IllegalStateException("no such number"));

        assertFalse(breaker.open());
    }
}
