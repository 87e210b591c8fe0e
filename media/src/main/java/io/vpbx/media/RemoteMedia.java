package io.vpbx.media;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where and how to send a call's media, as negotiated in SDP by the SIP side.
 *
 * @param rtp                   the far end's RTP address from its SDP (c= and m= lines); symmetric RTP may latch to
 *                              the address its packets actually come from
 * @param codec                 the voice codec both sides agreed on
 * @param telephoneEventType    the dynamic payload type of RFC 4733 telephone-event, or -1 when the far end has none
 * @param send                  whether vpbx may send (false while the far end holds the call: sendonly or inactive)
 */
public record RemoteMedia(InetSocketAddress rtp, Codec codec, int telephoneEventType, boolean send) {

    public RemoteMedia {
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(codec, "codec");
        if (telephoneEventType != -1 && (telephoneEventType < 96 || telephoneEventType > 127)) {
            throw new IllegalArgumentException("telephone-event payload type must be dynamic (96-127) or -1");
        }
    }

    public boolean hasTelephoneEvents() {
        return telephoneEventType >= 0;
    }
}
