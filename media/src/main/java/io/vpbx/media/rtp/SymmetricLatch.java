package io.vpbx.media.rtp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Symmetric RTP (RFC 4961 practice for callers behind NAT): the first source that sends valid RTP of an agreed
 * payload type becomes the far end; from then on only its packets are accepted and vpbx sends to it, whatever the
 * SDP said. Until then vpbx sends to the SDP address. A new SDP address (re-INVITE) starts latching over.
 * Pure logic: the caller decides what is valid RTP and passes only that.
 */
public final class SymmetricLatch {

    private InetSocketAddress signalled;
    private InetSocketAddress latched;

    /** The address from SDP; a different one than before forgets the latched source. */
    public void signalled(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (!address.equals(signalled)) {
            signalled = address;
            latched = null;
        }
    }

    /** Whether a valid RTP packet from {@code source} is the far end's; latches to it when nothing is latched. */
    public boolean accept(InetSocketAddress source) {
        if (latched == null) {
            latched = source;
            return true;
        }
        return latched.equals(source);
    }

    /** Where to send RTP: the latched source, else the signalled address (null before the first SDP). */
    public InetSocketAddress target() {
        return latched != null ? latched : signalled;
    }

    public boolean isLatched() {
        return latched != null;
    }
}
