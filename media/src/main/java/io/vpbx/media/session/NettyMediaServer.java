package io.vpbx.media.session;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.vpbx.config.MediaConfig;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaServer;
import io.vpbx.media.MediaSession;
import io.vpbx.media.rtp.DatagramInbound;
import io.vpbx.media.rtp.DropReason;
import io.vpbx.media.rtp.MediaMetrics;
import io.vpbx.media.rtp.PortPool;
import io.vpbx.media.rtp.SocketPair;
import io.vpbx.media.rtp.TickerMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media server: its own small group of event loops (one per core at most, apart from the SIP loop), each with
 * one {@link PacingTicker}, and the port pool of {@code media.rtp-ports}. Sockets are bound on the caller's thread
 * (one system call each) and registered with the next loop; the session lives on that loop until closed, when its
 * port pair rests in quarantine ({@link #DEFAULT_QUARANTINE}) before the next call gets it. The advertised host
 * is resolved once, when the server is built.
 */
public final class NettyMediaServer implements MediaServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaServer.class);
    /** Long enough for a finished call's last packets (and a peer's retransmitted BYE's media) to die out. */
    public static final Duration DEFAULT_QUARANTINE = Duration.ofSeconds(10);
    private static final List<Codec> CODECS = List.of(Codec.PCMU, Codec.PCMA);
    private static final int RECEIVE_BUFFER = 2048; // more than RtpPacket.MAX_DATAGRAM: a larger one is seen as such

    private final MediaConfig config;
    private final MultiThreadIoEventLoopGroup group;
    private final Map<EventExecutor, PacingTicker> tickers = new IdentityHashMap<>();
    private final PortPool ports;
    private final MediaMetrics metrics;
    private final EncodedClips clips = new EncodedClips();
    private final Clock clock;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<Integer, RtpSession> sessions = new ConcurrentHashMap<>();
    private final InetAddress advertised;

    public NettyMediaServer(MediaConfig config, MeterRegistry registry) {
        this(config, registry, DEFAULT_QUARANTINE, Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    }

    /**
     * @param quarantine how long a closed session's ports rest before they are handed out again
     * @param threads    event loops (capped at the number of cores)
     */
    public NettyMediaServer(MediaConfig config, MeterRegistry registry, Duration quarantine, int threads,
            Clock clock) {
        this.config = config;
        this.clock = clock;
        this.advertised = resolve(config.advertisedHost());
        this.ports = new PortPool(config.rtpPortMin(), config.rtpPortMax(), quarantine, clock);
        this.metrics = new MediaMetrics(registry);
        int loops = Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("vpbx-media", true),
                NioIoHandler.newFactory());
        int index = 0;
        for (EventExecutor executor : group) {
            tickers.put(executor, new PacingTicker((EventLoop) executor,
                    new TickerMetrics(registry, Integer.toString(index++))));
        }
        Gauge.builder("vpbx.media.sessions", active, AtomicInteger::get).description("media sessions open")
                .register(registry);
        LOG.info("media: {} event loops, {} port pairs on {} ({} in SDP)", loops, ports.size(), config.host(),
                config.advertisedHost());
    }

    @Override
    public Optional<MediaSession> open(String callId) {
        if (group.isShuttingDown()) {
            return Optional.empty();
        }
        Optional<SocketPair> bound = SocketPair.bind(ports, config.host());
        if (bound.isEmpty()) {
            LOG.warn("call {}: no free RTP port pair in {}-{}", callId, config.rtpPortMin(), config.rtpPortMax());
            return Optional.empty();
        }
        SocketPair pair = bound.get();
        EventLoop loop = group.next();
        NioDatagramChannel rtp = new NioDatagramChannel(pair.rtp());
        NioDatagramChannel rtcp = new NioDatagramChannel(pair.rtcp());
        InetSocketAddress local = new InetSocketAddress(advertised, pair.port());
        RtpSession session = new RtpSession(callId, local, tickers.get(loop), rtp, rtcp, metrics, clips, clock,
                () -> released(pair.port()));
        sessions.put(pair.port(), session);
        active.incrementAndGet();
        prepare(rtp, new DatagramInbound(session::receiveRtp, metrics, DropReason.MALFORMED));
        prepare(rtcp, new DatagramInbound(session::receiveRtcp, metrics, DropReason.RTCP_MALFORMED));
        loop.register(rtp);
        loop.register(rtcp);
        return Optional.of(session);
    }

    private void released(int port) {
        sessions.remove(port);
        active.decrementAndGet();
        ports.release(port);
    }

    private static void prepare(NioDatagramChannel channel, DatagramInbound inbound) {
        channel.config().setOption(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER));
        channel.pipeline().addLast(inbound);
    }

    @Override
    public List<Codec> codecs() {
        return CODECS;
    }

    @Override
    public int activeSessions() {
        return active.get();
    }

    @Override
    public void close() {
        for (RtpSession session : sessions.values()) {
            session.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        LOG.info("media: stopped");
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("media.advertised-host: cannot resolve " + host, e);
        }
    }
}
