package io.vpbx.server;

import io.vpbx.config.ConfigException;
import io.vpbx.config.ConfigLoader;
import io.vpbx.config.LoadedConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts vpbx: configuration first (refusing unknown or invalid keys), then the server. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
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
        } catch (RuntimeException e) {
            log.error("vpbx failed to start", e);
            server.stop();
            System.exit(1);
        }
        // SIGTERM drains first (docs/adr/0033): new calls go to other nodes, calls under way end here, then the stop
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.drain();
            server.stop();
        }, "vpbx-shutdown"));
    }
}
