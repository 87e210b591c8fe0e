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

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public static Database open(JdbcSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(settings.url());
        hikari.setUsername(settings.user());
        hikari.setPassword(settings.password());
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setAutoCommit(false);
        hikari.setPoolName("vpbx-db");
        hikari.setConnectionTimeout(5_000);
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // a JDBC batch (call records, imports) becomes multi-row INSERTs: one statement per many rows
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (settings.schema() != null) {
            hikari.setSchema(settings.schema());
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .schemas(settings.schema() == null ? new String[0] : new String[] {settings.schema()})
                    .load();
            var result = flyway.migrate();
            log.info("database {} at schema version {} ({} migrations applied)",
                    settings.redactedUrl(), result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, Dialect.of(settings.url()));
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(TxWork<T> work) {
        Tx tx;
        T result;
        try (Connection connection = dataSource.getConnection()) {
            tx = new Tx(connection);
            try {
                result = work.run(tx);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("database operation failed: " + e.getMessage(), e);
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

    /** True when the database answers a trivial query within a second: the readiness check. */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            statement.execute("SELECT 1");
            connection.commit();
            return true;
        } catch (SQLException e) {
            log.warn("database does not answer: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
