package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.SipText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipStreamFrameDecoderTest {

    private static final int MAX_MESSAGE_BYTES = 1024;
    private static final String OPTIONS = SipText.options("SIP/2.0/TCP 192.0.2.10:5062;branch=z9hG4bK1", "frame@example.com");
    /** Its 16-byte body holds a CRLFCRLF of its own. */
    private static final String MESSAGE_WITH_BODY = """
            MESSAGE sip:bob@example.com SIP/2.0
            Via: SIP/2.0/TCP 192.0.2.10:5062;branch=z9hG4bK2
            Max-Forwards: 70
            To: <sip:bob@example.com>
            From: <sip:alice@example.com>;tag=1
            Call-ID: body@example.com
            CSeq: 1 MESSAGE
            Content-Type: text/plain
            Content-Length: 16

            first

            third
            """;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new SipStreamFrameDecoder(MAX_MESSAGE_BYTES, new SipMetrics(registry)));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void twoMessagesInOneReadAreTwoFrames() {
        channel.writeInbound(buffer(SipText.crlf(OPTIONS), SipText.crlf(OPTIONS.replace("frame@", "second@"))));

        assertEquals(OPTIONS, frame());
        assertEquals(OPTIONS.replace("frame@", "second@"), frame());
        assertNull(channel.readInbound());
    }

    @Test
    void aMessageSplitOverThreeReadsIsOneFrame() {
        byte[] message = SipText.crlf(OPTIONS);
        // The cuts fall inside the start line and inside the final CRLFCRLF.
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(message, 0, 5)));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(message, 5, message.length - 2)));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(message, message.length - 2, message.length)));

        assertEquals(OPTIONS, frame());
        assertNull(channel.readInbound());
    }

    @Test
    void theBodyIsAsLongAsContentLengthSays() {
        byte[] message = SipText.crlf(MESSAGE_WITH_BODY);

        channel.writeInbound(buffer(Arrays.copyOf(message, message.length - 3)));
        assertNull(channel.readInbound(), "waits for the rest of the body");
        channel.writeInbound(buffer(Arrays.copyOfRange(message, message.length - 3, message.length), SipText.crlf(OPTIONS)));

        String body = frame();
        assertTrue(body.endsWith("Content-Length: 16\n\nfirst\n\nthird\n"), body);
        assertEquals(OPTIONS, frame());
    }

    @Test
    void compactContentLengthIsRead() {
        String compact = MESSAGE_WITH_BODY.replace("Content-Length: 16", "l:16");

        channel.writeInbound(buffer(SipText.crlf(compact), SipText.crlf(OPTIONS)));

        assertTrue(frame().endsWith("l:16\n\nfirst\n\nthird\n"));
        assertEquals(OPTIONS, frame());
    }

    @Test
    void keepAliveLineBreaksAreSkipped() {
        channel.writeInbound(buffer("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertNull(channel.readInbound());
        channel.writeInbound(buffer(SipText.crlf(OPTIONS), "\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                SipText.crlf(OPTIONS)));

        assertEquals(OPTIONS, frame());
        assertEquals(OPTIONS, frame());
        assertNull(channel.readInbound());
        assertTrue(channel.isOpen());
    }

    @Test
    void headersWithoutAnEndWithinTheLimitCloseTheConnection() {
        byte[] endless = new byte[MAX_MESSAGE_BYTES];
        Arrays.fill(endless, (byte) 'a');

        channel.writeInbound(buffer(endless));

        assertFalse(channel.isOpen());
        assertNull(channel.readInbound());
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
    }

    @Test
    void aRequestAnnouncingABodyBeyondTheLimitIsAnswered513ThenClosed() {
        channel.writeInbound(buffer(SipText.crlf(MESSAGE_WITH_BODY.replace("Content-Length: 16", "Content-Length: 10000000"))));

        assertNull(channel.readInbound());
        String answer = written();
        assertTrue(answer.startsWith("SIP/2.0 513 Message Too Large\r\n"), answer);
        assertTrue(answer.contains("\r\nVia: SIP/2.0/TCP 192.0.2.10:5062;branch=z9hG4bK2\r\n"), answer);
        assertTrue(answer.contains("\r\nCall-ID: body@example.com\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n"), answer);
        assertTrue(answer.matches("(?s).*\r\nTo: <sip:bob@example.com>;tag=[0-9a-f]+\r\n.*"), answer);
        assertTrue(channel.isOpen(), "open a moment longer, reading and discarding the rest, so that the answer is read");
        channel.writeInbound(buffer(new byte[MAX_MESSAGE_BYTES]));
        channel.advanceTimeBy(SipStreamFrameDecoder.LINGER.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen());
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
    }

    @Test
    void aResponseOrAnAckBeyondTheLimitIsNeverAnswered() {
        String response = MESSAGE_WITH_BODY.replace("MESSAGE sip:bob@example.com SIP/2.0", "SIP/2.0 200 OK")
                .replace("Content-Length: 16", "Content-Length: 2000");
        channel.writeInbound(buffer(SipText.crlf(response)));
        assertFalse(channel.isOpen());
        assertNull(channel.readOutbound());

        EmbeddedChannel other = new EmbeddedChannel(new SipStreamFrameDecoder(MAX_MESSAGE_BYTES, new SipMetrics(registry)));
        other.writeInbound(buffer(SipText.crlf(MESSAGE_WITH_BODY.replace("MESSAGE sip", "ACK sip")
                .replace("1 MESSAGE", "1 ACK").replace("Content-Length: 16", "Content-Length: 2000"))));
        assertFalse(other.isOpen());
        assertNull(other.readOutbound());
        other.finishAndReleaseAll();
    }

    @Test
    void headersThatCannotBeReadToTheirEndGetNoAnswer() {
        String longHeaders = OPTIONS.replace("Accept: application/sdp", "X-Pad: " + "p".repeat(MAX_MESSAGE_BYTES));
        channel.writeInbound(buffer(SipText.crlf(longHeaders)));

        assertFalse(channel.isOpen());
        assertNull(channel.readOutbound());
        assertEquals(1.0, dropped(DropReason.OVERSIZED));
    }

    @Test
    void anUnreadableContentLengthClosesTheConnection() {
        channel.writeInbound(buffer(SipText.crlf(MESSAGE_WITH_BODY.replace("Content-Length: 16", "Content-Length: -3"))));

        assertFalse(channel.isOpen());
        assertEquals(1.0, dropped(DropReason.MALFORMED));
    }

    @Test
    void aMessageOfExactlyTheLimitPasses() {
        String header = OPTIONS.replace("Accept: application/sdp\n", "X-Pad: \n");
        int padding = MAX_MESSAGE_BYTES - SipText.crlf(header).length;
        String exact = header.replace("X-Pad: ", "X-Pad: " + "p".repeat(padding));
        assertEquals(MAX_MESSAGE_BYTES, SipText.crlf(exact).length);

        channel.writeInbound(buffer(SipText.crlf(exact)));

        assertEquals(exact, frame());
        assertTrue(channel.isOpen());
    }

    private String frame() {
        ByteBuf frame = channel.readInbound();
        try {
            return frame.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        } finally {
            frame.release();
        }
    }

    private String written() {
        ByteBuf answer = channel.readOutbound();
        try {
            return answer.toString(StandardCharsets.ISO_8859_1);
        } finally {
            answer.release();
        }
    }

    private double dropped(DropReason reason) {
        return registry.get(SipMetrics.DROPPED).tag("reason", reason.tag()).counter().count();
    }

    private static ByteBuf buffer(byte[]... parts) {
        return Unpooled.wrappedBuffer(parts);
    }
}
