package io.vpbx.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SymmetricLatchTest {

    private final InetSocketAddress sdp = new InetSocketAddress("192.0.2.1", 4000);
    private final InetSocketAddress nat = new InetSocketAddress("198.51.100.7", 61000);
    private final InetSocketAddress other = new InetSocketAddress("203.0.113.9", 5000);

    @Test
    void sendsToTheSdpAddressUntilTheFirstValidPacketThenOnlyToItsSource() {
        SymmetricLatch latch = new SymmetricLatch();
        latch.signalled(sdp);
        assertEquals(sdp, latch.target());
        assertTrue(latch.accept(nat));
        assertEquals(nat, latch.target());
        assertFalse(latch.accept(other));
        assertFalse(latch.accept(sdp));
        assertTrue(latch.accept(nat));
    }

    @Test
    void aNewSdpAddressLatchesAfreshTheSameOneKeepsTheLatch() {
        SymmetricLatch latch = new SymmetricLatch();
        latch.signalled(sdp);
        latch.accept(nat);
        latch.signalled(sdp);
        assertEquals(nat, latch.target(), "a re-INVITE with the same address");
        latch.signalled(other);
        assertFalse(latch.isLatched());
        assertEquals(other, latch.target());
    }
}
