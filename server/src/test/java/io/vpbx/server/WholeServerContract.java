package io.vpbx.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract tested over HTTP against a whole server, on the storage each subclass names ("h2" or "postgres"): a
 * server of its own for every test, started before the subclass's own set-up runs and closed after the test.
 */
abstract class WholeServerContract {
    final String op = RunningServer.OPERATOR_KEY;
    private final String kind;
    @TempDir
    Path dataDir;
    RunningServer running;
    Api api;

    WholeServerContract(String kind) {
        this.kind = kind;
    }

    /** The server's extra command-line flags; none unless a contract needs them. */
    String[] flags() {
        return new String[0];
    }

    @BeforeEach
    void startServer() {
        running = new RunningServer(kind, dataDir, flags());
        api = running.api;
    }

    /** Closes this test's server and starts another on the same data with {@code otherFlags}. */
    void restart(String... otherFlags) {
        running.close();
        running = new RunningServer(kind, dataDir, otherFlags);
        api = running.api;
    }

    @AfterEach
    void stopServer() {
        running.close();
    }
}
