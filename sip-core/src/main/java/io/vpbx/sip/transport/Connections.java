package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Open SIP TCP connections by peer address, accepted and opened alike (RFC 3261 section 18.1.1: reuse a
 * connection to the same destination). Bounded; confined to the SIP event loop.
 */
public final class Connections {
    private final int max;
    private final Map<InetSocketAddress, Channel> open = new HashMap<>();

    public Connections(int max) {
        this.max = max;
    }

    /** Registers a connection; false (and the connection is to be closed) when the bound is reached. */
    boolean opened(Channel channel) {
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            return false;
        }
        if (open.size() >= max) {
            channel.close();
            return false;
        }
        open.put(remote, channel);
        return true;
    }

    void closed(Channel channel) {
        if (channel.remoteAddress() instanceof InetSocketAddress remote) {
            open.remove(remote, channel);
        }
    }

    Channel to(InetSocketAddress remote) {
        Channel channel = open.get(remote);
        return channel != null && channel.isActive() ? channel : null;
    }

    public int size() {
        return open.size();
    }
}
