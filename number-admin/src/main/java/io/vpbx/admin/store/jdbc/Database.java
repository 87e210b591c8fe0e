package io.vpbx.admin.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.TxWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the transaction boundary. Migrations run once at open, the same scripts on
 * H2 and PostgreSQL (H2 runs in its PostgreSQL compatibility mode).
 */
public final class Database implements Transactions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final DatabaseBreaker breaker;

    private Database(HikariDataSource dataSource, Dialect dialect, DatabaseBreaker breaker) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.breaker = breaker;
    }

    /** Opens the pool and migrates; fails when the database cannot be reached now. */
    public static Database open(JdbcSettings settings) {
        Database database = connect(settings, true);
        try {
            database.migrate(settings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Opens the pool without touching the database (for a node that starts while it is down); call
     * {@link #migrate} once it answers. {@code failFast} makes the pool refuse to start without a first connection.
     */
    public static Database connect(JdbcSettings settings, boolean failFast) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(settings.url());
        hikari.setUsername(settings.user());
        hikari.setPassword(settings.password());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setAutoCommit(false);
        hikari.setPoolName("vpbx-db");
        JdbcSettings.Timeouts timeouts = settings.timeouts();
        // Hikari's floor is 250 ms for both; validation (of a connection idle a while) within the connect budget, so
        // that a black-holed idle connection is found out before a request waits on it
        hikari.setConnectionTimeout(Math.max(250, timeouts.connect().toMillis()));
        hikari.setValidationTimeout(Math.max(250, Math.min(timeouts.connect().toMillis(), 1_000)));
        hikari.setInitializationFailTimeout(failFast ? 1 : -1);
        if (settings.postgres()) {
            // a JDBC batch (call records, imports) becomes multi-row INSERTs: one statement per many rows
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeouts.connect().toSeconds())));
            hikari.addDataSourceProperty("loginTimeout", Long.toString(Math.max(1, timeouts.connect().toSeconds())));
            hikari.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, timeouts.socket().toSeconds())));
            hikari.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis());
        }
        if (settings.schema() != null) {
            hikari.setSchema(settings.schema());
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        return new Database(dataSource, Dialect.of(settings.url()),
                new DatabaseBreaker(Clock.systemUTC(), timeouts.retryAfter()));
    }

    /** Runs the migrations; on a pool opened with {@link #connect}, once the database answers. */
    public void migrate(JdbcSettings settings) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .schemas(settings.schema() == null ? new String[0] : new String[] {settings.schema()})
                .load();
        var result = flyway.migrate();
        log.info("database {} at schema version {} ({} migrations applied)",
                settings.redactedUrl(), result.targetSchemaVersion, result.migrationsExecuted);
    }

    /** The circuit breaker every transaction goes through. */
    public DatabaseBreaker breaker() {
        return breaker;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(TxWork<T> work) {
        if (!breaker.allows()) {
            throw new StorageException("the database is unreachable (since " + breaker.downSince() + "); retry later", null,
                    breaker.retryAfterSeconds());
        }
        Tx tx;
        T result;
        try (Connection connection = dataSource.getConnection()) {
            tx = new Tx(connection);
            try {
                result = work.run(tx);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection died: what killed it says more than the rollback
                }
                throw e;
            }
            breaker.succeeded();
        } catch (SQLException e) {
            breaker.failed(e);
            throw new StorageException("database operation failed: " + e.getMessage(), e,
                    DatabaseBreaker.unreachable(e) ? breaker.retryAfterSeconds() : 0);
        } catch (RuntimeException e) {
            breaker.failed(e);
            throw e;
        }
        // After the connection went back to the pool: an action may read through another transaction.
        for (Runnable action : tx.committedActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("an after-commit action failed; the change itself is committed", e);
            }
        }
        return result;
    }

    /**
     * True when the database answers a trivial query within a second: the readiness check. False at once while the
     * breaker holds the database down (the probe is left to the writers and requests that retry).
     */
    public boolean answers() {
        try {
            return inTransaction(tx -> {
                try (Statement statement = tx.connection().createStatement()) {
                    statement.setQueryTimeout(1);
                    statement.execute("SELECT 1");
                }
                return true;
            });
        } catch (StorageException e) {
            log.debug("database does not answer: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
