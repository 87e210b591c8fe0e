package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * The UDP socket's receive buffer: one direct buffer of a fixed size kept by the channel and read into again for
 * each datagram once the previous datagram has been released, which the SIP handler does before it returns (it
 * decodes the message out of it). A datagram needs room for the largest message plus one byte, to tell an oversized one
 * from one that fits; allocating 64 KB for each datagram cost an allocation and a 64 KB memset per message with
 * Netty's default allocator. Should a datagram still be held when the next one comes, that one gets a new buffer.
 *
 * <p>Like {@link io.netty.channel.FixedRecvByteBufAllocator}, one datagram per read. Each channel has its own handle,
 * so its own buffer; the buffer is not pooled memory and is freed with the channel's handle by the garbage collector.
 */
public final class ReusedReceiveBuffer extends DefaultMaxMessagesRecvByteBufAllocator {
    private final int size;
    /** Unpooled, no leak tracking: the kept buffer is never released, only dropped with its handle. */
    private final ByteBufAllocator memory = new UnpooledByteBufAllocator(true, true);

    public ReusedReceiveBuffer(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
    }

    @Override
    public Handle newHandle() {
        return new ReuseHandle();
    }

    private final class ReuseHandle extends MaxMessageHandle {
        private ByteBuf kept;

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            if (kept == null || kept.refCnt() != 1) {
                if (kept != null) {
                    // the last datagram is still held: it keeps that buffer, and this one gets a new one
                    kept.release();
                }
                kept = memory.directBuffer(size, size);
            }
            // one reference for the datagram, released when it has been handled; one kept here
            return kept.retain().clear();
        }

        @Override
        public int guess() {
            return size;
        }
    }
}
