package io.vpbx.media.session;

import io.netty.buffer.ByteBuf;
import io.vpbx.media.Codec;

/**
 * One packet one bridged leg heard, on its way to be sent on the other: {@code packet} holds 12 bytes for a fresh
 * RTP header followed by the payload (a retained slice of the received datagram, no copy), the rest is the source's
 * numbering, which the sending leg maps onto its own and never sends as it came.
 *
 * @param event     an RFC 4733 telephone event (else voice in {@code codec})
 * @param codec     the voice codec the source agreed (for transcoding)
 * @param ssrc      the source's SSRC (a change re-anchors the timestamp mapping)
 * @param timestamp the source's RTP timestamp
 * @param marker    the source's M bit
 */
record RelayedFrame(ByteBuf packet, boolean event, Codec codec, int ssrc, int timestamp, boolean marker) {
}
