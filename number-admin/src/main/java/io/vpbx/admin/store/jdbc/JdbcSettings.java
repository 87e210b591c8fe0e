package io.vpbx.admin.store.jdbc;

import java.nio.file.Path;

/**
 * Where the database is. {@code schema} is null for the default schema; tests use one schema each.
 */
public record JdbcSettings(String url, String user, String password, int poolSize, String schema) {

    public JdbcSettings {
        Dialect.of(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool-size must be at least 1");
        }
    }

    /** The embedded default: an H2 file database under the data directory, in PostgreSQL mode. */
    public static JdbcSettings embedded(Path dataDir, int poolSize) {
        String file = dataDir.toAbsolutePath().normalize().resolve("vpbx").toString();
        return new JdbcSettings("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", poolSize, null);
    }

    String redactedUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + ", schema=" + schema + "]";
    }
}
