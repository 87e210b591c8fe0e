package io.vpbx.sip;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vpbx.config.SipConfig;
import io.vpbx.sip.transport.SipChannelInitializer;
import io.vpbx.sip.transport.SipDatagramHandler;
import io.vpbx.sip.transport.SipMetrics;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP listener: UDP and/or TCP on one host and port, served by one small event loop group. Every
 * message is handled to the end on the event loop that read it.
 *
 * <p>With port 0 and both transports, UDP is bound first on a free port and TCP then on the same port
 * number; should that number be taken for TCP, both are tried again on another free port, a few times.
 */
public final class SipServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    private static final String SERVER_NAME = "vpbx";
    private static final int SAME_PORT_ATTEMPTS = 10;
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 5;
    private static final int NOT_BOUND = -1;

    private final SipConfig config;
    private final SipMetrics metrics;
    private final StatelessResponder responder;
    private EventLoopGroup group;
    private Channel udp;
    private Channel tcp;

    /** A server without a registrar: REGISTER is answered with 501 like every other method but OPTIONS. */
    public SipServer(SipConfig config, MeterRegistry registry) {
        this(config, registry, Optional.empty());
    }

    /** A server whose REGISTER requests go to {@code registrar}. */
    public SipServer(SipConfig config, MeterRegistry registry, RegistrarService registrar) {
        this(config, registry, Optional.of(registrar));
    }

    private SipServer(SipConfig config, MeterRegistry registry, Optional<RegistrarService> registrar) {
        this.config = Objects.requireNonNull(config, "config");
        this.metrics = new SipMetrics(Objects.requireNonNull(registry, "registry"));
        this.responder = new StatelessResponder(SERVER_NAME, registrar);
    }

    /**
     * Binds the configured transports.
     *
     * @throws IllegalStateException when already started, or when a port cannot be bound (nothing stays bound then)
     */
    public synchronized void start() {
        if (group != null) {
            throw new IllegalStateException("SIP server already started");
        }
        int threads = config.udp() && config.tcp() ? 2 : 1;
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("vpbx-sip"), NioIoHandler.newFactory());
        try {
            if (config.udp() && config.tcp() && config.port() == 0) {
                bindBothOnFreePort();
            } else {
                if (config.udp()) {
                    udp = bound(udpBootstrap().bind(config.host(), config.port()), "UDP", config.port());
                }
                if (config.tcp()) {
                    tcp = bound(tcpBootstrap().bind(config.host(), config.port()), "TCP", config.port());
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("SIP listening on {} (udp {}, tcp {})", config.host(), udpPort(), tcpPort());
    }

    private void bindBothOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            Channel udpChannel = bound(udpBootstrap().bind(config.host(), 0), "UDP", 0);
            int port = localPort(udpChannel);
            ChannelFuture tcpBind = tcpBootstrap().bind(config.host(), port).awaitUninterruptibly();
            if (tcpBind.isSuccess()) {
                udp = udpChannel;
                tcp = tcpBind.channel();
                return;
            }
            udpChannel.close().syncUninterruptibly();
            if (attempt == SAME_PORT_ATTEMPTS) {
                throw new IllegalStateException("cannot bind SIP UDP and TCP on one free port of " + config.host()
                        + " after " + SAME_PORT_ATTEMPTS + " attempts", tcpBind.cause());
            }
            log.debug("SIP TCP port {} taken, trying another free port", port);
        }
    }

    private Bootstrap udpBootstrap() {
        return new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                // One byte more than the limit, so that an oversized datagram is seen as such, not truncated.
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxMessageBytes() + 1))
                .handler(new SipDatagramHandler(responder, metrics, config.maxMessageBytes()));
    }

    private ServerBootstrap tcpBootstrap() {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new SipChannelInitializer(responder, metrics, config.maxMessageBytes()));
    }

    private Channel bound(ChannelFuture bind, String transport, int port) {
        bind.awaitUninterruptibly();
        if (!bind.isSuccess()) {
            throw new IllegalStateException("cannot bind SIP " + transport + " on " + config.host() + ":" + port, bind.cause());
        }
        return bind.channel();
    }

    /** The bound UDP port, or -1 when UDP is off or the server is not running. */
    public synchronized int udpPort() {
        return udp == null ? NOT_BOUND : localPort(udp);
    }

    /** The bound TCP port, or -1 when TCP is off or the server is not running. */
    public synchronized int tcpPort() {
        return tcp == null ? NOT_BOUND : localPort(tcp);
    }

    private static int localPort(Channel channel) {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Closes the listeners and every connection, and stops the event loops; the ports are free afterwards. */
    @Override
    public synchronized void close() {
        if (group == null) {
            return;
        }
        if (udp != null) {
            udp.close().syncUninterruptibly();
        }
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        group = null;
        udp = null;
        tcp = null;
        log.info("SIP stopped");
    }
}
