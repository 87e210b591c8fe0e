package io.vpbx.admin.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how long any wait on it may last. {@code schema} is null for the default schema;
 * tests use one schema each.
 */
public record JdbcSettings(String url, String user, String password, int poolSize, String schema, Timeouts timeouts) {

    /**
     * @param connect   longest wait for a pooled connection or a new one (and for the driver's login)
     * @param statement longest run of a statement on the server (PostgreSQL statement_timeout)
     * @param socket    longest wait for an answer on the socket: ends a black-holed connection
     * @param retryAfter how long the database is taken as down after a connection failure
     */
    public record Timeouts(Duration connect, Duration statement, Duration socket, Duration retryAfter) {
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(5));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(socket, "socket");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    public JdbcSettings {
        Dialect.of(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool-size must be at least 1");
        }
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** With the default timeouts. */
    public JdbcSettings(String url, String user, String password, int poolSize, String schema) {
        this(url, user, password, poolSize, schema, Timeouts.DEFAULTS);
    }

    /** The embedded default: an H2 file database under the data directory, in PostgreSQL mode. */
    public static JdbcSettings embedded(Path dataDir, int poolSize) {
        String file = dataDir.toAbsolutePath().normalize().resolve("vpbx").toString();
        return new JdbcSettings("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", poolSize, null);
    }

    /** The same database with other timeouts. */
    public JdbcSettings withTimeouts(Timeouts other) {
        return new JdbcSettings(url, user, password, poolSize, schema, other);
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    String redactedUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + ", schema=" + schema
                + ", timeouts=" + timeouts + "]";
    }
}
