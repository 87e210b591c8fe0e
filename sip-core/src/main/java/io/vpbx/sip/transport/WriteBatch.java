package io.vpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes made while a read burst is handled are flushed once at its end (one syscall round for many
 * messages where the transport allows it); writes from timers are flushed at once. Confined to the SIP event
 * loop, which runs every SIP channel.
 */
public final class WriteBatch {
    /** Native memory for about 250 datagrams of a call's size: one allocation per 250 sends, not one per send. */
    static final int REGION_BYTES = 256 * 1024;
    private final List<Channel> dirty = new ArrayList<>(4);
    /**
     * Where a datagram's bytes are copied for the socket, which reads native memory: malloc'd and freed at once
     * after the send, without the leak tracking that takes a stack trace for every 128th buffer of Netty's allocators.
     */
    private final ByteBufAllocator sendMemory = new UnpooledByteBufAllocator(true, true, true);
    /** The native buffer datagrams are being copied into one after another, or null before the first. */
    private ByteBuf region;
    private boolean reading;

    /**
     * The bytes in native memory, ready for the socket (Netty would copy a heap buffer itself). Datagrams are copied
     * one after another into one native buffer of {@link #REGION_BYTES} and sent as slices of it: a native buffer
     * per datagram cost a DirectByteBuffer, a Cleaner and Netty's wrapper each, as JDK 25 closes Netty's path without
     * a Cleaner. Each slice holds a reference to its buffer; when one is full the next datagram starts a new one, and
     * the full one is freed when the last of its datagrams has been sent. A datagram larger than a quarter of a
     * region gets a buffer of its own.
     */
    ByteBuf direct(byte[] bytes) {
        if (bytes.length > REGION_BYTES / 4) {
            return sendMemory.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
        }
        if (region == null || region.writableBytes() < bytes.length) {
            if (region != null) {
                region.release(); // our reference: the slices still being sent keep it alive
            }
            region = sendMemory.directBuffer(REGION_BYTES, REGION_BYTES);
        }
        int at = region.writerIndex();
        region.writeBytes(bytes);
        return region.retainedSlice(at, bytes.length);
    }

    void readStarted() {
        reading = true;
    }

    void readComplete() {
        reading = false;
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    void write(Channel channel, Object message) {
        if (!reading) {
            channel.writeAndFlush(message, channel.voidPromise());
            return;
        }
        channel.write(message, channel.voidPromise());
        if (!dirty.contains(channel)) {
            dirty.add(channel);
        }
    }
}
