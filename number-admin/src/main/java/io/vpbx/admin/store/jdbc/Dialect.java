package io.vpbx.admin.store.jdbc;

/** The two databases vpbx runs on; the SQL is shared, only bulk loading differs. */
public enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("db.url: only H2 and PostgreSQL are supported, got " + jdbcUrl);
    }
}
