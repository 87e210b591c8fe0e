package io.vpbx.sip.transport;

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
    private boolean reading;

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
