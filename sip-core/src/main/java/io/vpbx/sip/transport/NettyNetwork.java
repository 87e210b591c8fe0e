package io.vpbx.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.egress.PrivateTargets;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.Network;
import io.vpbx.sip.wire.IpLiteral;
import io.vpbx.sip.wire.SipUri;
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
 * The proxy's view of the sockets: the UDP socket, TCP connections (reused by peer address, opened on the
 * SIP event loop when missing), and name resolution off the event loop for the rare next hop that is a host
 * name. Everything but the lookup runs on the one SIP event loop.
 */
public final class NettyNetwork implements Network {
    private static final Logger log = LoggerFactory.getLogger(NettyNetwork.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;

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

    /**
     * @param accountTargets where next hops named by accounts may not lead
     * @param countRefused told of every such next hop refused
     */
    public NettyNetwork(EventLoop loop, Class<? extends SocketChannel> clientChannel, Channel udp, Connections connections, SipChannelInitializer streams, WriteBatch batch,
                        String advertisedHost, int port, Executor resolver, AccountTargets accountTargets, Runnable countRefused) {
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
    }

    @Override
    public void flowTo(SipUri uri, Consumer<Flow> then) {
        String transport = uri.secure() ? "tls" : uri.transport() == null ? "udp" : uri.transport();
        int targetPort = uri.portOrDefault();
        InetAddress literal = IpLiteral.parse(uri.host());
        if (literal != null) {
            open(transport, new InetSocketAddress(literal, targetPort), then);
            return;
        }
        CompletableFuture.supplyAsync(() -> lookup(uri.host()), resolver)
                .whenComplete((address, error) -> loop.execute(() -> {
                    if (address == null) {
                        log.debug("cannot resolve next hop {}", uri.host(), error);
                        then.accept(null);
                    } else {
                        open(transport, new InetSocketAddress(address, targetPort), then);
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
            open(transport, new InetSocketAddress(allowed.addresses().get(0), targetPort), then);
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
        if ("TCP".equalsIgnoreCase(transport)) {
            Channel channel = connections.to(address);
            return channel == null ? null : new TcpFlow(channel, batch);
        }
        return udp == null ? null : new UdpFlow(udp, address, batch);
    }

    private void open(String transport, InetSocketAddress address, Consumer<Flow> then) {
        if ("udp".equals(transport)) {
            then.accept(udp == null ? null : new UdpFlow(udp, address, batch));
            return;
        }
        if (!"tcp".equals(transport)) {
            then.accept(null);
            return;
        }
        Channel existing = connections.to(address);
        if (existing != null) {
            then.accept(new TcpFlow(existing, batch));
            return;
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(clientChannel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(streams)
                .connect(address);
        connect.addListener(done -> then.accept(done.isSuccess() ? new TcpFlow(connect.channel(), batch) : null));
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
        return "UDP".equals(transport) ? udpVia : "TCP".equals(transport) ? tcpVia : via(transport);
    }

    private String via(String transport) {
        return "SIP/2.0/" + transport + " " + advertisedHost + ":" + port;
    }

    @Override
    public String recordRoute(String transport) {
        return "TCP".equals(transport) ? tcpRecordRoute : recordRoute;
    }

    @Override
    public boolean isUs(String host, int hostPort) {
        if (hostPort != port) {
            return false;
        }
        if (host.equalsIgnoreCase(advertisedHost)) {
            return true;
        }
        InetAddress address = IpLiteral.parse(host);
        return address != null && address.equals(advertisedAddress);
    }
}
