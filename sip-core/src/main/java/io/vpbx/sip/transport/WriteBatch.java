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
    private final List<Channel> dirty = new ArrayList<>(4);
    /**
     * Where a datagram's bytes are copied for the socket, which reads native memory: malloc'd and freed at once
     * after the send, without the leak tracking that takes a stack trace for every 128th buffer of Netty's allocators.
     */
    private final ByteBufAllocator sendMemory = new UnpooledByteBufAllocator(true, true, true);
    private boolean reading;

    /** The bytes in native memory, ready for the socket (Netty would copy a heap buffer itself). */
    ByteBuf direct(byte[] bytes) {
        return sendMemory.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
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
