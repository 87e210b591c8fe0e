package io.vpbx.server;

import io.vpbx.config.ConfigException;
import io.vpbx.config.ConfigLoader;
import io.vpbx.config.LoadedConfig;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts vpbx: configuration first (refusing unknown or invalid keys), then the server. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** How long a failed start may spend stopping what it started before the process exits anyway. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    private Main() {
    }

    /**
     * Stops what a failed start left running, for at most {@code limit}: the event loops of a half-started server are
     * not daemon threads and would keep the process up for ever, where a supervisor waits for it to exit.
     */
    private static void stopWithin(VpbxServer server, Duration limit) {
        Thread stopping = new Thread(() -> {
            try {
                server.stop();
            } catch (RuntimeException e) {
                log.warn("stopping after the failed start failed too", e);
            }
        }, "vpbx-failed-start-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        if (ConfigLoader.helpRequested(args)) {
            log.info("vpbx configuration keys:\n{}", ConfigLoader.helpText());
            return;
        }
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.resolve(args, System.getenv());
        } catch (ConfigException e) {
            log.error("vpbx cannot start, the configuration is wrong:\n  {}", String.join("\n  ", e.problems()));
            System.exit(2);
            return;
        }
        loaded.effective().forEach((key, value) -> log.info("config {} = {}", key, value));
        VpbxServer server = new VpbxServer(loaded.config(), Clock.systemUTC());
        try {
            server.start();
        } catch (Throwable e) { // Vert.x and Netty throw checked exceptions (BindException) unchecked
            log.error("vpbx failed to start: {}", e.getMessage(), e);
            stopWithin(server, STOP_LIMIT);
            System.exit(1);
            return;
        }
        // SIGTERM drains first (docs/adr/0033): new calls go to other nodes, calls under way end here, then the stop
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.drain();
            server.stop();
        }, "vpbx-shutdown"));
    }
}
