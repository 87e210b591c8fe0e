package io.vpbx.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.vpbx.sip.egress.AccountTargets;
import io.netty.handler.ssl.SslHandler;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.Network;
import io.vpbx.sip.wire.IpLiteral;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.telephony.egress.PrivateTargets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's view of the sockets: the UDP socket, TCP and TLS connections (reused by peer address, opened on
 * the SIP event loop when missing; a TLS peer's certificate is verified before its flow is used), and name
 * resolution off the event loop for the rare next hop that is a host name. Everything but the lookup runs on
 * the one SIP event loop.
 */
public final class NettyNetwork implements Network {
    private static final Logger log = LoggerFactory.getLogger(NettyNetwork.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final int DEFAULT_TLS_PORT = 5061;

    private final EventLoop loop;
    private final Class<? extends SocketChannel> clientChannel;
    private final Channel udp;
    private final Connections connections;
    private final SipChannelInitializer streams;
    private final WriteBatch batch;
    private final String advertisedHost;
    private final int port;
    private final Executor resolver;
    private final InetAddress advertisedAddress;
    /** What every forwarded request carries, written once rather than per message. */
    private final String udpVia;
    private final String tcpVia;
    private final String recordRoute;
    private final String tcpRecordRoute;
    private final AccountTargets accountTargets;
    private final Runnable countRefused;
    private final Optional<SipTls> tls;
    /** The port of the TLS listener, {@link #NO_PORT} without one. */
    private final int tlsPort;
    private final String tlsVia;
    private final String tlsRecordRoute;

    private static final int NO_PORT = -1;

    /**
     * @param accountTargets where next hops named by accounts may not lead
     * @param countRefused told of every such next hop refused
     */
    public NettyNetwork(EventLoop loop, Class<? extends SocketChannel> clientChannel, Channel udp, Connections connections, SipChannelInitializer streams, WriteBatch batch,
                        String advertisedHost, int port, Executor resolver, AccountTargets accountTargets, Runnable countRefused) {
        this(loop, clientChannel, udp, connections, streams, batch, advertisedHost, port, resolver, accountTargets, countRefused,
                Optional.empty(), NO_PORT);
    }

    /**
     * @param tls how connections to {@code sips:} and {@code transport=tls} next hops are secured; empty when
     *            vpbx calls out over TLS to nobody
     * @param tlsPort the port of the TLS listener, written in Via and Record-Route of TLS flows; -1 for none
     */
    public NettyNetwork(EventLoop loop, Class<? extends SocketChannel> clientChannel, Channel udp, Connections connections, SipChannelInitializer streams, WriteBatch batch,
                        String advertisedHost, int port, Executor resolver, AccountTargets accountTargets, Runnable countRefused,
                        Optional<SipTls> tls, int tlsPort) {
        this.loop = loop;
        this.clientChannel = clientChannel;
        this.udp = udp;
        this.connections = connections;
        this.streams = streams;
        this.batch = batch;
        this.advertisedHost = advertisedHost.toLowerCase(Locale.ROOT);
        this.port = port;
        this.resolver = resolver;
        this.advertisedAddress = IpLiteral.parse(advertisedHost);
        this.udpVia = via("UDP");
        this.tcpVia = via("TCP");
        this.recordRoute = "<sip:" + this.advertisedHost + ":" + port + ";lr>";
        this.tcpRecordRoute = "<sip:" + this.advertisedHost + ":" + port + ";transport=tcp;lr>";
        this.accountTargets = accountTargets;
        this.countRefused = countRefused;
        this.tls = tls;
        this.tlsPort = tlsPort;
        // without a TLS listener a TLS hop still names us at the default port: peers answer on the connection
        int advertisedTlsPort = tlsPort == NO_PORT ? DEFAULT_TLS_PORT : tlsPort;
        this.tlsVia = "SIP/2.0/TLS " + this.advertisedHost + ":" + advertisedTlsPort;
        this.tlsRecordRoute = "<sip:" + this.advertisedHost + ":" + advertisedTlsPort + ";transport=tls;lr>";
    }

    @Override
    public void flowTo(SipUri uri, Consumer<Flow> then) {
        String transport = uri.secure() ? "tls" : uri.transport() == null ? "udp" : uri.transport();
        int targetPort = uri.portOrDefault();
        InetAddress literal = IpLiteral.parse(uri.host());
        if (literal != null) {
            open(transport, new InetSocketAddress(literal, targetPort), uri.host(), then);
            return;
        }
        CompletableFuture.supplyAsync(() -> lookup(uri.host()), resolver)
                .whenComplete((address, error) -> loop.execute(() -> {
                    if (address == null) {
                        log.debug("cannot resolve next hop {}", uri.host(), error);
                        then.accept(null);
                    } else {
                        open(transport, new InetSocketAddress(address, targetPort), uri.host(), then);
                    }
                }));
    }

    @Override
    public void flowToAccountTarget(SipUri uri, Runnable refused, Consumer<Flow> then) {
        String transport = uri.secure() ? "tls" : uri.transport() == null ? "udp" : uri.transport();
        int targetPort = uri.portOrDefault();
        Optional<PrivateTargets.Decision> literal = accountTargets.literal(uri.host());
        if (literal.isPresent()) {
            decided(uri, literal.get(), transport, targetPort, refused, then);
            return;
        }
        CompletableFuture.supplyAsync(() -> accountTargets.check(uri.host()), resolver)
                .whenComplete((decision, error) -> loop.execute(() -> {
                    if (decision == null) {
                        log.debug("cannot resolve next hop {}", uri.host(), error);
                        then.accept(null);
                    } else {
                        decided(uri, decision, transport, targetPort, refused, then);
                    }
                }));
    }

    private void decided(SipUri uri, PrivateTargets.Decision decision, String transport, int targetPort, Runnable refused,
                         Consumer<Flow> then) {
        if (decision instanceof PrivateTargets.Decision.Allowed allowed) {
            open(transport, new InetSocketAddress(allowed.addresses().get(0), targetPort), uri.host(), then);
        } else if (decision instanceof PrivateTargets.Decision.Refused no) {
            countRefused.run();
            log.info("next hop {} not contacted: {} is {}", uri.host(), no.address().getHostAddress(), no.reason());
            refused.run();
        } else {
            log.debug("cannot resolve next hop {}", uri.host());
            then.accept(null);
        }
    }

    @Override
    public Flow flowTo(String transport, InetSocketAddress address) {
        boolean secure = "TLS".equalsIgnoreCase(transport);
        if (secure || "TCP".equalsIgnoreCase(transport)) {
            Channel channel = connections.to(address);
            return channel == null || StreamFlow.isTls(channel) != secure ? null : StreamFlow.of(channel, batch);
        }
        return udp == null ? null : new UdpFlow(udp, address, batch);
    }

    private void open(String transport, InetSocketAddress address, String host, Consumer<Flow> then) {
        if ("udp".equals(transport)) {
            then.accept(udp == null ? null : new UdpFlow(udp, address, batch));
            return;
        }
        boolean secure = "tls".equals(transport);
        if (!"tcp".equals(transport) && !(secure && tls.isPresent())) {
            then.accept(null);
            return;
        }
        Channel existing = connections.to(address);
        if (existing != null && StreamFlow.isTls(existing) == secure) {
            then.accept(StreamFlow.of(existing, batch));
            return;
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(clientChannel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(secure ? streams.withTls(channel -> tls.get().opened(channel, host, address.getPort())) : streams)
                .connect(address);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                then.accept(null);
            } else if (!secure) {
                then.accept(new StreamFlow(connect.channel(), batch, SipTransport.TCP));
            } else {
                // a peer whose certificate fails verification is no flow: the target fails at once, not by timeout
                connect.channel().pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
                    if (!handshake.isSuccess()) {
                        log.info("TLS to {} ({}) failed: {}", host, address, handshake.cause().getMessage());
                    }
                    then.accept(handshake.isSuccess() ? new StreamFlow(connect.channel(), batch, SipTransport.TLS) : null);
                });
            }
        });
    }

    private static InetAddress lookup(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String viaPrefix(String transport) {
        return "UDP".equals(transport) ? udpVia : "TCP".equals(transport) ? tcpVia : "TLS".equals(transport) ? tlsVia
                : via(transport);
    }

    private String via(String transport) {
        return "SIP/2.0/" + transport + " " + advertisedHost + ":" + port;
    }

    @Override
    public String recordRoute(String transport) {
        return "TCP".equals(transport) ? tcpRecordRoute : "TLS".equals(transport) ? tlsRecordRoute : recordRoute;
    }

    @Override
    public boolean isUs(String host, int hostPort) {
        if (hostPort != port && (tlsPort == NO_PORT || hostPort != tlsPort)) {
            return false;
        }
        if (host.equalsIgnoreCase(advertisedHost)) {
            return true;
        }
        InetAddress address = IpLiteral.parse(host);
        return address != null && address.equals(advertisedAddress);
    }
}
