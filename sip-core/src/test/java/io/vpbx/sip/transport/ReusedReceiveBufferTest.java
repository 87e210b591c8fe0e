package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReusedReceiveBufferTest {

    private final RecvByteBufAllocator.Handle handle = new ReusedReceiveBuffer(65_536).newHandle();
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    @Test
    void eachDatagramIsReadIntoTheSameEmptyBufferOnceThePreviousOneWasReleased() {
        ByteBuf first = handle.allocate(alloc);
        first.writeBytes("INVITE sip:x SIP/2.0".getBytes(StandardCharsets.US_ASCII));
        first.release();

        ByteBuf second = handle.allocate(alloc);

        assertSame(first, second);
        assertEquals(0, second.readableBytes(), "nothing of the last datagram is left to read");
        assertEquals(65_536, second.writableBytes(), "room for the largest datagram plus one byte");
        assertEquals(65_536, handle.guess());
        second.release();
    }

    @Test
    void aDatagramStillHeldKeepsItsBufferAndTheNextGetsAnother() {
        ByteBuf held = handle.allocate(alloc);
        held.writeBytes("SIP/2.0 200 OK".getBytes(StandardCharsets.US_ASCII));

        ByteBuf next = handle.allocate(alloc);

        assertNotSame(held, next);
        assertEquals("SIP/2.0 200 OK", held.toString(StandardCharsets.US_ASCII), "the held datagram is not overwritten");
        assertEquals(1, held.refCnt(), "only its holder references it now");
        held.release();
        next.release();
        assertSame(next, handle.allocate(alloc), "the new buffer is the one used again");
    }

    @Test
    void theSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ReusedReceiveBuffer(0));
    }
}
