package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.MediaConfig;
import io.vpbx.media.MediaSession;
import io.vpbx.media.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** A real media server on 127.0.0.1 with its own registry and a hand-moved clock for the port quarantine. */
final class MediaFixture implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock();
    final NettyMediaServer server;

    private MediaFixture(int first, int last) {
        MediaConfig config = new MediaConfig("127.0.0.1", "127.0.0.1", first, last, 1 << 20, Duration.ofMinutes(5),
                1 << 20);
        server = new NettyMediaServer(config, registry, Duration.ofSeconds(10), 2, clock);
    }

    /** A range of 100 pairs below the ephemeral ports, at a random place so parallel builds rarely meet. */
    static MediaFixture start() {
        int first = 20000 + 2 * ThreadLocalRandom.current().nextInt(4500);
        return new MediaFixture(first, first + 199);
    }

    static MediaFixture start(int first, int last) {
        return new MediaFixture(first, last);
    }

    MediaSession open(String callId) {
        return server.open(callId).orElseThrow();
    }

    /** Waits until everything handed to the session's loop so far has run. */
    static void settle(MediaSession session) {
        CompletableFuture.runAsync(() -> { }, session.executor()).join();
    }

    double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    double dropped(String reason) {
        return count("vpbx.media.dropped", "reason", reason);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
