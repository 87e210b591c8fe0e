package io.vpbx.server;

import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.config.VpbxConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A whole vpbx server for a test, on ephemeral ports, on the embedded H2 file database (in a temp
 * folder) or on a fresh schema of the real PostgreSQL, with a clock the test controls.
 */
final class RunningServer implements AutoCloseable {
    static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";
    static final String LOOPBACK = "127.0.0.0/8";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final VpbxServer server;
    /** The configuration the server runs with, for a test that starts another node like it. */
    final VpbxConfig config;
    final Api api;
    private final String pgSchema;

    RunningServer(String kind, Path dataDir, String... extraFlags) {
        this(kind, TestDatabases.PG_URL, dataDir, extraFlags);
    }

    /** On PostgreSQL at {@code pgUrl} (a proxy in front of the test database, for the outage tests). */
    RunningServer(String kind, String pgUrl, Path dataDir, String... extraFlags) {
        List<String> flags = new ArrayList<>(List.of("--admin.host=127.0.0.1", "--admin.port=0", "--sip.host=127.0.0.1",
                "--sip.port=0", "--data.dir=" + dataDir, "--operator.key=" + OPERATOR_KEY,
                "--admin.rate-limit.per-second=10000", "--admin.rate-limit.burst=10000", "--catalog.sweep-interval=1h"));
        if (Arrays.stream(extraFlags).noneMatch(flag -> flag.startsWith("--security.allowed-private-targets="))) {
            // the peers of these tests (SIPp, Kamailio) listen on 127.0.0.1: the operator's allowance for a lab
            flags.add("--security.allowed-private-targets=" + LOOPBACK);
        }
        if ("postgresql".equals(kind)) {
            pgSchema = TestDatabases.newPostgresSchema();
            flags.add("--db.url=" + pgUrl + "?currentSchema=" + pgSchema);
            flags.add("--db.user=" + TestDatabases.PG_USER);
            // no routing snapshot unless a test asks for one (the outage tests): it is a copy of the tables per change
            flags.add("--db.outage.snapshot-interval=0");
        } else {
            pgSchema = null;
        }
        flags.addAll(List.of(extraFlags));
        config = ConfigLoader.load(flags.toArray(String[]::new), Map.of());
        server = new VpbxServer(config, clock);
        server.start();
        api = new Api(server.adminPort());
    }

    @Override
    public void close() {
        server.stop();
        if (pgSchema != null) {
            TestDatabases.dropPostgresSchema(pgSchema);
        }
    }
}
