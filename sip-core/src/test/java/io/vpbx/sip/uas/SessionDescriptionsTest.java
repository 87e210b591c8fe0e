package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.Codec;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDP offer/answer as the answering leg reads and writes it, without sockets. */
class SessionDescriptionsTest {
    private final SessionDescriptions sdp = new SessionDescriptions(List.of(Codec.PCMU, Codec.PCMA), 42);

    private static String offer(String media, String extra) {
        return "v=0\r\no=x 1 1 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\n" + extra + media;
    }

    @Test
    void theMediaLevelConnectionAndTheCallersCodecOrderWin() {
        MediaTerms terms = sdp.read(offer("m=video 5000 RTP/AVP 96\r\nm=audio 6000 RTP/AVP 8 0\r\nc=IN IP4 192.0.2.9\r\n", ""));

        MediaTerms.Agreed agreed = assertInstanceOf(MediaTerms.Agreed.class, terms);
        assertEquals(Codec.PCMA, agreed.remote().codec());
        assertEquals(new InetSocketAddress("192.0.2.9", 6000), agreed.remote().rtp());
        assertEquals(-1, agreed.remote().telephoneEventType());
        assertEquals("sendrecv", agreed.ourDirection());
    }

    @Test
    void aSessionLevelSendonlyOrAZeroAddressIsAHold() {
        MediaTerms.Agreed sendonly = (MediaTerms.Agreed) sdp.read(offer("m=audio 6000 RTP/AVP 0\r\n", "a=sendonly\r\n"));
        assertEquals("recvonly", sendonly.ourDirection());
        assertFalse(sendonly.remote().send());

        MediaTerms.Agreed zero = (MediaTerms.Agreed) sdp.read(offer("m=audio 6000 RTP/AVP 0\r\n", "")
                .replace("c=IN IP4 192.0.2.5", "c=IN IP4 0.0.0.0"));
        assertFalse(zero.remote().send());
    }

    @Test
    void noCommonCodecARejectedStreamOrGarbageIsIncompatible() {
        assertInstanceOf(MediaTerms.Incompatible.class, sdp.read(offer("m=audio 6000 RTP/AVP 18 9\r\n", "")));
        assertInstanceOf(MediaTerms.Incompatible.class, sdp.read(offer("m=audio 0 RTP/AVP 0\r\n", "")));
        assertInstanceOf(MediaTerms.Incompatible.class, sdp.read(offer("m=audio 6000 RTP/SAVP 0\r\n", "")));
        assertInstanceOf(MediaTerms.Incompatible.class, sdp.read("not sdp at all"));
        assertInstanceOf(MediaTerms.Incompatible.class, sdp.read(offer("m=audio 6000 RTP/AVP 0\r\n", "")
                .replace("c=IN IP4 192.0.2.5", "c=IN IP4 media.example")));
    }

    @Test
    void eachDescriptionWrittenHasTheNextVersion() {
        InetSocketAddress local = new InetSocketAddress("192.0.2.1", 20000);
        String first = sdp.offer(local);
        String second = sdp.offer(local);

        assertTrue(first.contains("o=vpbx 42 1 IN IP4 192.0.2.1"), first);
        assertTrue(second.contains("o=vpbx 42 2 IN IP4 192.0.2.1"), second);
        assertTrue(first.contains("a=rtpmap:101 telephone-event/8000"), first);
        assertTrue(first.contains("a=fmtp:101 0-16"), first);
    }
}
