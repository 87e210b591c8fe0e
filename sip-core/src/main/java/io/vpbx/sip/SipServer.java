package io.vpbx.sip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.micrometer.core.instrument.Gauge;
import io.vpbx.config.ListenersConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.SipTcpConfig;
import io.vpbx.config.SipOverloadConfig;
import io.vpbx.sip.overload.LoadMonitor;
import io.vpbx.sip.overload.OverloadControl;
import io.vpbx.sip.overload.OverloadGovernor;
import io.vpbx.sip.overload.OverloadMetrics;
import io.vpbx.sip.transport.OverloadShedHandler;
import io.vpbx.sip.transport.KernelReceiveQueue;
import io.vpbx.config.UplinkConfig;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.OutboundCalls;
import io.vpbx.sip.proxy.ProxyCore;
import io.vpbx.sip.proxy.ProxySettings;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.transaction.TimerWheel;
import io.vpbx.sip.transaction.TransactionTimers;
import io.vpbx.sip.transport.ConnectionMetrics;
import io.vpbx.sip.transport.Connections;
import io.vpbx.sip.transport.SipTls;
import io.vpbx.sip.transport.NettyNetwork;
import io.vpbx.sip.transport.ReusedReceiveBuffer;
import io.vpbx.sip.transport.SipChannelInitializer;
import io.vpbx.sip.transport.SipDatagramHandler;
import io.vpbx.sip.transport.SipMetrics;
import io.vpbx.sip.transport.SipStreamHandler;
import io.vpbx.sip.transport.SocketKind;
import io.vpbx.sip.transport.SourceThrottle;
import io.vpbx.sip.transport.SourceThrottleHandler;
import io.vpbx.sip.transport.WriteBatch;
import io.vpbx.sip.uplink.RegisterMessages;
import io.vpbx.sip.uplink.RegistrationTransition;
import io.vpbx.sip.uplink.RetryPolicy;
import io.vpbx.sip.uplink.StartPacer;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.vpbx.sip.uplink.Uplinks;
import io.vpbx.telephony.uplink.RegistrationState;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP listener and proxy: UDP and/or TCP on one host and port, all served by ONE event loop that also
 * runs the transaction timers, so that a call's transactions, sessions and sockets never cross threads
 * (docs/adr/0006). Every message is handled to the end on that loop; more capacity comes from more nodes
 * behind a SIP load balancer, not from more threads.
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
    private static final int MAX_DIALOGS = 200_000;
    private static final Duration MAX_CALL_DURATION = Duration.ofHours(12);
    private static final long SWEEP_SECONDS = 30;
    /** Transaction and ring timers run up to one tick late; one turn of the wheel (41 s) outlasts Timers B to K. */
    private static final Duration TIMER_TICK = Duration.ofMillis(10);
    private static final int TIMER_SLOTS = 4096;
    /** Capped by the kernel (net.core.rmem_max / wmem_max); 4 MB holds about a second of datagrams at 1,000 calls/s. */
    private static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;


    /** The load monitor's tick, and how many ticks make one sample for the governor (100 ms). */
    private static final Duration LOAD_TICK = Duration.ofMillis(10);
    private static final int LOAD_TICKS_PER_SAMPLE = 10;

    private final SipConfig config;
    private final SipOverloadConfig overloadConfig;
    private final OverloadGovernor governor;
    private final OverloadMetrics overloadMetrics;
    private ScheduledFuture<?> loadTicks;
    private final UplinkConfig uplinkConfig;
    private final Consumer<RegistrationTransition> transitions;
    /** Lines put before the loop runs; handed to it at start. */
    private final Map<String, UplinkAccount> pendingUplinks = new LinkedHashMap<>();
    private Uplinks uplinks;
    private final SipMetrics metrics;
    private final SipServices services;
    private final StatelessResponder responder;
    /** Set when this node is taken out of service: OPTIONS and new calls get 503, calls under way go on. */
    private final Drain drain = new Drain();
    private final Optional<SourceThrottleHandler> throttle;
    private final WriteBatch batch = new WriteBatch();
    private final SocketKind sockets;
    private final SipTcpConfig tcpLimits;
    private final ListenersConfig listeners;
    private final Optional<SipTls> tls;
    private final ConnectionMetrics connectionMetrics;
    private final Connections connections;
    private EventLoopGroup group;
    private EventLoop loop;
    private final AccountTargets accountTargets;
    private final Counter refusedTargets;
    private ExecutorService resolver;
    private Channel udp;
    private Channel tcp;
    private Channel tlsListener;
    private final MeterRegistry registry;
    /** Set on the event loop once the sockets are bound; messages before that are not yet expected. */
    private ProxyCore proxy;
    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> timerTicks;
    private TimerWheel wheel;
    /** Third-party lines for the call path; confined to the event loop. */
    private final UplinkDirectory directory = new UplinkDirectory();

    /** A server with nothing to route and no registrar (tests of the transport). */
    public SipServer(SipConfig config, MeterRegistry registry) {
        this(config, registry, SipServices.standalone(Optional.empty()));
    }

    /** A server whose REGISTER requests go to {@code registrar}, with nothing to route. */
    public SipServer(SipConfig config, MeterRegistry registry, RegistrarService registrar) {
        this(config, registry, SipServices.standalone(Optional.of(registrar)));
    }

    public SipServer(SipConfig config, MeterRegistry registry, SipServices services) {
        this(SipServerSettings.of(config), registry, services, transition -> { });
    }

    /**
     * @param settings    the listener, its transports and limits, TLS, uplinks, overload control and account targets
     * @param transitions told (on the SIP event loop; must not block) of every registration state change
     * @throws IllegalArgumentException when SIP over TLS is on without a certificate to serve
     */
    public SipServer(SipServerSettings settings, MeterRegistry registry, SipServices services,
                     Consumer<RegistrationTransition> transitions) {
        SipConfig config = settings.sip();
        SipTcpConfig tcpLimits = settings.tcp();
        ListenersConfig listeners = settings.listeners();
        Optional<SipTls> tls = settings.tls();
        UplinkConfig uplink = settings.uplink();
        AccountTargets accountTargets = settings.accountTargets();
        SipOverloadConfig overload = settings.overload();
        this.accountTargets = Objects.requireNonNull(accountTargets, "accountTargets");
        this.refusedTargets = Counter.builder("vpbx.sip.private_targets.refused")
                .description("next hops named by accounts not contacted: they resolved into a private or reserved range")
                .register(registry);
        this.tcpLimits = Objects.requireNonNull(tcpLimits, "tcpLimits");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.sockets = SocketKind.of(listeners.sipIoEngine());
        this.tls = Objects.requireNonNull(tls, "tls");
        if (listeners.sipTls() && !tls.map(SipTls::canServe).orElse(false)) {
            throw new IllegalArgumentException("sip.tls is on but there is no tls.certificate to serve it with");
        }
        this.connectionMetrics = new ConnectionMetrics(registry);
        this.connections = new Connections(tcpLimits.maxConnections(), tcpLimits.maxConnectionsPerSource(), connectionMetrics);
        Gauge.builder("vpbx.sip.connections.open", connections, Connections::size)
                .description("SIP TCP and TLS connections open, accepted and opened by vpbx").register(registry);
        this.overloadConfig = Objects.requireNonNull(overload, "overload");
        this.governor = new OverloadGovernor(overload);
        this.overloadMetrics = new OverloadMetrics(registry, governor);
        this.uplinkConfig = Objects.requireNonNull(uplink, "uplink");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.metrics = new SipMetrics(registry);
        this.services = Objects.requireNonNull(services, "services");
        this.responder = new StatelessResponder(SERVER_NAME, config.maxHeaders(), services.registrar(), drain::draining);
        // One handler for both transports: it keeps a throttle per event loop, and there is one loop.
        this.throttle = config.throttlesSources()
                ? Optional.of(new SourceThrottleHandler(() -> SourceThrottle.of(config, System::nanoTime),
                        overload.throttlesTrunks()
                                ? Optional.of(() -> new SourceThrottle(overload.trunkRate(), overload.trunkBurst(),
                                        config.maxSources(), System::nanoTime))
                                : Optional.empty(),
                        address -> services.routing().trunkFrom(address.getHostAddress()).isPresent(), metrics))
                : Optional.empty();
    }

    /**
     * Binds the configured transports and starts the proxy on the event loop.
     *
     * @throws IllegalStateException when already started, or when a port cannot be bound (nothing stays bound then)
     */
    public synchronized void start() {
        if (group != null) {
            throw new IllegalStateException("SIP server already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("vpbx-sip"), sockets.ioHandlers());
        loop = group.next();
        resolver = Executors.newFixedThreadPool(2, new DefaultThreadFactory("vpbx-sip-resolver", true));
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
            if (listeners.sipTls()) {
                tlsListener = bound(tlsBootstrap().bind(config.host(), listeners.sipTlsPort()), "TLS", listeners.sipTlsPort());
            }
            int port = config.udp() ? udpPort() : tcpPort();
            ProxyCore core = buildProxy(port);
            Uplinks lines = new Uplinks(core.uplinkChannel(), directory, new RegisterMessages(SERVER_NAME), wheel,
                    services.clock(), new RetryPolicy(uplinkConfig.retryBase(), uplinkConfig.retryMax(),
                            uplinkConfig.maxAuthRejections()), new StartPacer(uplinkConfig.startsPerSecond()),
                    new SecureRandom(), transitions);
            List<UplinkAccount> waiting = List.copyOf(pendingUplinks.values());
            pendingUplinks.clear();
            loop.submit(() -> {
                proxy = core;
                waiting.forEach(lines::put);
            }).syncUninterruptibly();
            uplinks = lines;
            for (RegistrationState state : RegistrationState.values()) {
                Gauge.builder("vpbx.sip.uplink.registrations", lines, each -> each.count(state))
                        .description("third-party numbers by the state of their registration at their operator")
                        .tag("state", state.wireName()).register(registry);
            }
            sweeper = loop.scheduleAtFixedRate(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("SIP listening on {} (udp {}, tcp {}, tls {}, {}), advertised as {}", config.host(), udpPort(), tcpPort(),
                tlsPort(), sockets.name(), config.advertisedHostOrDefault());
    }

    /** Registers a third-party number at its operator, or applies a change to it; any thread. */
    public synchronized void putUplink(UplinkAccount account) {
        if (uplinks == null) {
            pendingUplinks.put(account.e164(), account);
            return;
        }
        Uplinks lines = uplinks;
        loop.execute(() -> lines.put(account));
    }

    /** Unregisters a disconnected third-party number; any thread. */
    public synchronized void removeUplink(String e164) {
        if (uplinks == null) {
            pendingUplinks.remove(e164);
            return;
        }
        Uplinks lines = uplinks;
        loop.execute(() -> lines.remove(e164));
    }

    private ProxyCore buildProxy(int port) {
        SecureRandom random = new SecureRandom();
        NettyNetwork network = new NettyNetwork(loop, sockets.client(), udp, connections, streams(), batch, config.advertisedHostOrDefault(),
                port, resolver, accountTargets, refusedTargets::increment, tls, tlsPort());
        // one memory: the sessions record who answered, and the router orders memory hunt and least recent by it
        RingMemory memory = new RingMemory();
        Router router = new Router(services.routing(), services.location(), memory, random);
        OutboundCalls outbound = new OutboundCalls(services.authenticator(), config.realm(), services.credentials(),
                services.accountOfEmployee());
        // tens of thousands of live timers: a wheel ticked by the loop rather than the loop's own priority queue
        TimerWheel scheduler = new TimerWheel(TIMER_TICK, TIMER_SLOTS);
        wheel = scheduler;
        timerTicks = loop.scheduleAtFixedRate(scheduler::tick, TIMER_TICK.toNanos(), TIMER_TICK.toNanos(), TimeUnit.NANOSECONDS);
        ProxyCore core = new ProxyCore(new ProxySettings(config.maxHeaders(), config.maxTransactions(), MAX_DIALOGS,
                MAX_CALL_DURATION, TransactionTimers.withT1(config.timerT1()), config.routeSecret()),
                network, router, services.routing(), responder, memory, outbound, services.records(), services.answering(),
                loop, services.clock(), scheduler, registry, directory,
                overloadConfig.enabled()
                        ? Optional.of(new OverloadControl(governor, overloadMetrics, overloadConfig.retryAfter()))
                        : Optional.empty(), drain::draining);
        if (overloadConfig.enabled()) {
            LoadMonitor monitor = new LoadMonitor(governor, overloadMetrics, System::nanoTime, LOAD_TICK,
                    LOAD_TICKS_PER_SAMPLE, udpQueuePercent(),
                    () -> (int) ((long) core.transactionCount() * 100 / config.maxTransactions()));
            loadTicks = loop.scheduleWithFixedDelay(monitor, LOAD_TICK.toNanos(), LOAD_TICK.toNanos(), TimeUnit.NANOSECONDS);
        }
        return core;
    }

    /** How full the UDP socket's kernel receive queue is, in percent of its size; 0 without UDP. */
    private IntSupplier udpQueuePercent() {
        if (udp == null) {
            return () -> 0;
        }
        KernelReceiveQueue queue = new KernelReceiveQueue(localPort(udp));
        long size = Math.max(1, udp.config().getOption(ChannelOption.SO_RCVBUF));
        return () -> (int) Math.min(100, queue.bytes() * 100 / size);
    }

    private void receive(String message, Flow source) {
        ProxyCore core = proxy;
        if (core != null) {
            core.receive(message, source);
        }
    }

    private void sweep() {
        try {
            if (proxy != null) {
                proxy.sweepDialogs();
            }
            services.registrar().ifPresent(RegistrarService::pruneExpired);
        } catch (RuntimeException e) {
            log.warn("SIP sweep failed; retrying at the next interval", e);
        }
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
                .channel(sockets.datagram())
                // room for a pause of the loop (a collection) at full rate without the kernel dropping datagrams
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                // One byte more than the limit, so that an oversized datagram is seen as such, not truncated; one
                // buffer read into again and again, not 64 KB allocated and cleared for every datagram
                .option(ChannelOption.RECVBUF_ALLOCATOR, new ReusedReceiveBuffer(config.maxMessageBytes() + 1))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        throttle.ifPresent(handler -> channel.pipeline().addLast("throttle", handler));
                        if (overloadConfig.enabled()) {
                            channel.pipeline().addLast("shed", new OverloadShedHandler(governor, overloadMetrics));
                        }
                        channel.pipeline().addLast("sip",
                                new SipDatagramHandler(SipServer.this::receive, metrics, config.maxMessageBytes(), batch));
                    }
                });
    }

    private ServerBootstrap tcpBootstrap() {
        return new ServerBootstrap()
                .group(group)
                .channel(sockets.server())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streams());
    }

    private ServerBootstrap tlsBootstrap() {
        SipTls served = tls.orElseThrow();
        return new ServerBootstrap()
                .group(group)
                .channel(sockets.server())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(streams().withTls(served::accepted));
    }

    private SipChannelInitializer streams() {
        return new SipChannelInitializer(new SipStreamHandler(this::receive, metrics, connections, batch), throttle,
                metrics, config.maxMessageBytes(), tcpLimits, connectionMetrics);
    }

    private Channel bound(ChannelFuture bind, String transport, int port) {
        bind.awaitUninterruptibly();
        if (!bind.isSuccess()) {
            throw new IllegalStateException("cannot bind SIP " + transport + " on " + config.host() + ":" + port, bind.cause());
        }
        return bind.channel();
    }

    /**
     * Takes this node out of service (docs/adr/0033): OPTIONS and new calls are answered 503 from now on, so that the
     * dispatcher in front sends new calls to other nodes; calls under way and requests within dialogs go on.
     */
    public void drain() {
        drain.begin();
        log.info("SIP draining: OPTIONS and new calls are answered 503, {} calls under way go on", activeCalls());
    }

    public boolean draining() {
        return drain.draining();
    }

    /** Calls being routed or answered and not yet ended (read on the event loop); 0 when not running. */
    public int activeCalls() {
        EventLoop running;
        synchronized (this) {
            running = proxy == null ? null : loop;
        }
        if (running == null) {
            return 0;
        }
        try {
            return running.submit(() -> proxy == null ? 0 : proxy.activeCalls()).get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return 0; // the loop is stopping: nothing is under way any more
        }
    }

    /** The socket implementation serving SIP here: {@code io_uring}, {@code epoll} or {@code nio}. */
    public String ioEngine() {
        return sockets.name();
    }

    /** The bound UDP port, or -1 when UDP is off or the server is not running. */
    public synchronized int udpPort() {
        return udp == null ? NOT_BOUND : localPort(udp);
    }

    /** The bound TCP port, or -1 when TCP is off or the server is not running. */
    public synchronized int tcpPort() {
        return tcp == null ? NOT_BOUND : localPort(tcp);
    }

    /** The bound port of SIP over TLS, or -1 when TLS is off or the server is not running. */
    public synchronized int tlsPort() {
        return tlsListener == null ? NOT_BOUND : localPort(tlsListener);
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
        if (tlsListener != null) {
            tlsListener.close().syncUninterruptibly();
        }
        if (sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
        if (timerTicks != null) {
            timerTicks.cancel(false);
            timerTicks = null;
        }
        if (loadTicks != null) {
            loadTicks.cancel(false);
            loadTicks = null;
        }
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        resolver.shutdownNow();
        group = null;
        proxy = null;
        uplinks = null;
        udp = null;
        tcp = null;
        tlsListener = null;
        log.info("SIP stopped");
    }
}
