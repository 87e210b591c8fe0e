package io.vpbx.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where state lives. {@link #toString()} never shows the password.
 *
 * @param dataDir directory for local state, including the embedded database
 * @param jdbcUrl the database URL, or empty for an embedded H2 file database under {@code dataDir}
 * @param user database user, possibly empty
 * @param password database password, possibly empty
 * @param poolSize maximum pooled connections
 * @param outage timeouts, the circuit breaker and local holding while the database is down
 */
public record StorageConfig(Path dataDir, Optional<String> jdbcUrl, String user, String password, int poolSize,
        DatabaseOutageConfig outage) {

    public static final int MAX_POOL_SIZE = 200;

    public StorageConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        jdbcUrl.filter(url -> !Checks.isJdbcUrl(url)).ifPresent(url -> {
            throw new IllegalArgumentException("database URL must start with " + Checks.JDBC_PREFIX);
        });
        Checks.requireBetween(poolSize, 1, MAX_POOL_SIZE, "database pool size");
        Objects.requireNonNull(outage, "outage");
    }

    /** With the default outage behaviour. */
    public StorageConfig(Path dataDir, Optional<String> jdbcUrl, String user, String password, int poolSize) {
        this(dataDir, jdbcUrl, user, password, poolSize, DatabaseOutageConfig.DEFAULTS);
    }

    /** The folder of the call record journal and the routing snapshot. */
    public Path outageDir() {
        return outage.folder(dataDir);
    }

    /** Whether vpbx runs its own H2 file database rather than connecting to a server. */
    public boolean embedded() {
        return jdbcUrl.isEmpty();
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDir=" + dataDir
                + ", jdbcUrl=" + jdbcUrl.map(SecretMask::url).orElse("<embedded H2>")
                + ", user=" + user
                + ", password=" + SecretMask.secret(password)
                + ", poolSize=" + poolSize + ", outage=" + outage + "]";
    }
}
