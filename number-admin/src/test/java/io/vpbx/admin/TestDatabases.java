package io.vpbx.admin;

import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh databases for tests: an in-memory H2 per call, or a new schema in the real PostgreSQL
 * (VPBX_TEST_PG_URL, default 127.0.0.1:5432/test with trust auth). PostgreSQL being absent fails the
 * test: the CI script starts it, and no test is skipped for want of a database.
 */
public final class TestDatabases {
    public static final String PG_URL = System.getenv().getOrDefault("VPBX_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("VPBX_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    /** A migrated database and what closing it must clean up. */
    public record TestDatabase(String kind, Database database, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            cleanup.run();
        }
    }

    public static TestDatabase of(String kind) {
        return "postgresql".equals(kind) ? postgres() : h2();
    }

    public static TestDatabase h2() {
        return h2(JdbcSettings.Timeouts.DEFAULTS);
    }

    /** An in-memory H2 database with the given timeouts (and circuit breaker). */
    public static TestDatabase h2(JdbcSettings.Timeouts timeouts) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase("h2", Database.open(new JdbcSettings("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4, null, timeouts)),
                () -> { });
    }

    public static TestDatabase postgres() {
        String schema = newPostgresSchema();
        return new TestDatabase("postgresql", Database.open(new JdbcSettings(PG_URL, PG_USER, "", 4, schema)),
                () -> dropPostgresSchema(schema));
    }

    /** Creates an empty schema in the test PostgreSQL and returns its name. */
    public static String newPostgresSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is required for this test (bin/test starts it): "
                    + e.getMessage(), e);
        }
        return schema;
    }

    /** Drops a schema made by {@link #newPostgresSchema()}. */
    public static void dropPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
