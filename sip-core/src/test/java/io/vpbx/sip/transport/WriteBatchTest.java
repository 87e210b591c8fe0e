package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

    private final WriteBatch batch = new WriteBatch();

    @Test
    void eachDatagramIsItsOwnBytesInNativeMemory() {
        ByteBuf first = batch.direct(bytes(700, (byte) 'a'));
        ByteBuf second = batch.direct(bytes(300, (byte) 'b'));

        assertTrue(first.isDirect() && second.isDirect());
        assertArrayEquals(bytes(700, (byte) 'a'), ByteBufUtil.getBytes(first));
        assertArrayEquals(bytes(300, (byte) 'b'), ByteBufUtil.getBytes(second));
        first.release();
        second.release();
        assertEquals(1, first.unwrap().refCnt(), "sent: only the batch holds their region now");
    }

    @Test
    void aFullRegionIsFreedWhenItsLastDatagramHasBeenSent() {
        List<ByteBuf> sent = new ArrayList<>();
        for (int i = 0; i < WriteBatch.REGION_BYTES / 1000 + 1; i++) {
            sent.add(batch.direct(bytes(1000, (byte) i)));
        }
        ByteBuf full = sent.get(0).unwrap();
        ByteBuf next = sent.get(sent.size() - 1).unwrap();

        assertTrue(full != next, "the datagram that did not fit starts a new region");
        for (int i = 0; i < sent.size() - 1; i++) {
            assertArrayEquals(bytes(1000, (byte) i), ByteBufUtil.getBytes(sent.get(i)));
            sent.get(i).release();
        }
        assertEquals(0, full.refCnt());
        assertEquals(2, next.refCnt(), "the current region: ours and its datagram's");
    }

    @Test
    void aLargeDatagramGetsABufferOfItsOwn() {
        ByteBuf large = batch.direct(bytes(WriteBatch.REGION_BYTES / 4 + 1, (byte) 'x'));

        assertEquals(WriteBatch.REGION_BYTES / 4 + 1, large.readableBytes());
        assertTrue(large.release(), "nothing else holds its memory");
    }

    private static byte[] bytes(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
