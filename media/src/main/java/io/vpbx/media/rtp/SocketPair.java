package io.vpbx.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's UDP sockets: RTP on an even port of the pool, RTCP on the next odd one, both bound at once on the
 * caller's thread (a bind is one system call, no waiting on an event loop) and then handed to Netty.
 *
 * @param port the RTP port; RTCP is {@code port + 1}
 */
public record SocketPair(int port, DatagramChannel rtp, DatagramChannel rtcp) {

    private static final Logger LOG = LoggerFactory.getLogger(SocketPair.class);

    /**
     * Binds the next free pair on {@code host}. A pair some other process holds goes back to the pool's quarantine
     * and the next one is tried; empty when the pool runs out.
     */
    public static Optional<SocketPair> bind(PortPool pool, String host) {
        for (int attempts = pool.size(); attempts > 0; attempts--) {
            OptionalInt taken = pool.take();
            if (taken.isEmpty()) {
                return Optional.empty();
            }
            int port = taken.getAsInt();
            DatagramChannel rtp = null;
            try {
                rtp = open(host, port);
                DatagramChannel rtcp = open(host, port + 1);
                return Optional.of(new SocketPair(port, rtp, rtcp));
            } catch (IOException | RuntimeException e) {
                LOG.debug("port pair {} on {} not available: {}", port, host, e.toString());
                closeQuietly(rtp);
                pool.release(port);
            }
        }
        return Optional.empty();
    }

    private static DatagramChannel open(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        DatagramChannel channel = address.getAddress() instanceof java.net.Inet6Address
                ? DatagramChannel.open(StandardProtocolFamily.INET6)
                : DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            channel.bind(address);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", channel, e.toString());
            }
        }
    }
}
