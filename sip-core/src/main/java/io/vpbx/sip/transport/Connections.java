package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open SIP stream connections (TCP and TLS) by peer address, accepted and opened alike (RFC 3261 section
 * 18.1.1: reuse a connection to the same destination). Bounded in total and per source IP address;
 * confined to the SIP event loop.
 */
public final class Connections {
    private final int max;
    private final int maxPerSource;
    private final Optional<ConnectionMetrics> metrics;
    private final Map<InetSocketAddress, Channel> open = new HashMap<>();
    /** Every counted connection, so that one closed twice or never counted is not subtracted. */
    private final Map<Channel, InetAddress> counted = new HashMap<>();
    private final Map<InetAddress, Integer> perSource = new HashMap<>();

    /** Bounded in total only, nothing counted (tests of the pipeline). */
    public Connections(int max) {
        this(max, max, Optional.empty());
    }

    public Connections(int max, int maxPerSource, ConnectionMetrics metrics) {
        this(max, maxPerSource, Optional.of(metrics));
    }

    private Connections(int max, int maxPerSource, Optional<ConnectionMetrics> metrics) {
        this.max = max;
        this.maxPerSource = maxPerSource;
        this.metrics = metrics;
    }

    /** Registers a connection; false (and the connection is closed) when a bound is reached. */
    boolean opened(Channel channel) {
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            return false;
        }
        InetAddress source = remote.getAddress();
        int fromSource = perSource.getOrDefault(source, 0);
        if (counted.size() >= max || fromSource >= maxPerSource) {
            metrics.ifPresent(counters -> counters.refused(counted.size() >= max
                    ? ConnectionMetrics.Refusal.TOTAL : ConnectionMetrics.Refusal.PER_SOURCE));
            channel.close();
            return false;
        }
        counted.put(channel, source);
        perSource.put(source, fromSource + 1);
        open.put(remote, channel);
        return true;
    }

    void closed(Channel channel) {
        if (channel.remoteAddress() instanceof InetSocketAddress remote) {
            open.remove(remote, channel);
        }
        InetAddress source = counted.remove(channel);
        if (source != null) {
            perSource.computeIfPresent(source, (address, count) -> count == 1 ? null : count - 1);
        }
    }

    Channel to(InetSocketAddress remote) {
        Channel channel = open.get(remote);
        return channel != null && channel.isActive() ? channel : null;
    }

    public int size() {
        return counted.size();
    }
}
