package io.vpbx.media.session;

import static io.vpbx.media.session.MediaFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.RemoteMedia;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The port range: one even/odd pair per session, exhaustion, and the quarantine after close. */
class PortRangeTest {

    @Test
    void aRangeOfOnePairIsHandedOutOnceAndAgainAfterCloseAndQuarantine() {
        int port = freePair();
        try (MediaFixture media = MediaFixture.start(port, port + 1)) {
            MediaSession session = media.open("only");
            assertEquals(port, session.localRtp().getPort());
            assertEquals(InetAddress.getLoopbackAddress(), session.localRtp().getAddress());
            assertTrue(bound(port) && bound(port + 1), "RTP and RTCP sockets bound");
            assertEquals(Optional.empty(), media.server.open("second"), "exhausted");
            assertEquals(1, media.server.activeSessions());

            session.close();
            session.close();
            await(() -> media.server.activeSessions() == 0, "closed");
            assertTrue(!bound(port) && !bound(port + 1), "ports released");
            assertEquals(Optional.empty(), media.server.open("too-soon"), "still in quarantine");

            media.clock.advance(Duration.ofSeconds(11));
            MediaSession again = media.server.open("again").orElseThrow();
            assertEquals(port, again.localRtp().getPort());
        }
    }

    @Test
    void aPairSomeoneElseHoldsIsSkipped() throws IOException {
        int port = freePair();
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress("127.0.0.1", port + 1));
                MediaFixture media = MediaFixture.start(port, port + 3)) {
            assertEquals(port + 2, media.open("skips").localRtp().getPort());
            assertTrue(squatter.isBound());
        }
    }

    @Test
    void closingTheServerEndsItsSessionsAndFreesTheirPorts() throws Exception {
        int port = freePair();
        MediaFixture media = MediaFixture.start(port, port + 3);
        MediaSession session = media.open("playing");
        session.connect(new RemoteMedia(new InetSocketAddress("127.0.0.1", 9), Codec.PCMU, -1, true));
        var played = session.play(new AudioClip("long", new short[8000 * 60]), 1);
        var recorded = session.record(new RecordLimits(Duration.ofMinutes(1), Duration.ofMinutes(1), true));

        media.close();

        assertEquals(false, played.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(Recording.Ended.STOPPED,
                recorded.toCompletableFuture().get(5, TimeUnit.SECONDS).ended());
        assertTrue(!bound(port) && !bound(port + 1), "ports released");
        assertEquals(Optional.empty(), media.server.open("after"), "a closed server opens nothing");
    }

    private static boolean bound(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return !probe.isBound();
        } catch (IOException e) {
            return true;
        }
    }

    /** An even port whose pair and the next pair are free now, below the ephemeral range. */
    private static int freePair() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 30000 + 2 * ThreadLocalRandom.current().nextInt(1000);
            if (!bound(port) && !bound(port + 1) && !bound(port + 2) && !bound(port + 3)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair");
    }
}
