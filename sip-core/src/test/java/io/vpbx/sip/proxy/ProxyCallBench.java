package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vpbx.config.AddressRange;
import io.vpbx.sip.StatelessResponder;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.proxy.SippPeers.Call;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.NonceService;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.TimerWheel;
import io.vpbx.sip.transport.Connections;
import io.vpbx.sip.transport.NettyNetwork;
import io.vpbx.sip.transport.SipChannelInitializer;
import io.vpbx.sip.transport.SipDatagramHandler;
import io.vpbx.sip.transport.SipMetrics;
import io.vpbx.sip.transport.SipStreamHandler;
import io.vpbx.sip.transport.WriteBatch;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's user-space cost per call, in process: complete calls of the SIPp benchmark
 * ({@code ../shared/sipbench/scenarios/uac-call.xml} and {@code uas-answer.xml}: INVITE, 100, 180, 200, ACK, BYE, 200,
 * 13 messages in and out) from a carrier trunk to a number forwarded to an external PBX URI, as datagrams through the
 * production pipeline ({@link SipDatagramHandler}, {@link ProxyCore}, {@link NettyNetwork}, {@code UdpFlow},
 * {@link WriteBatch}) on an {@link EmbeddedChannel} instead of a socket. Transaction timers run as in SipServer (a
 * {@link TimerWheel} ticked by the event loop), on a frozen clock that advances 1 ms per call (1,000 calls/s), so
 * Timer J and K end transactions as in production and the table holds its steady state (about 37,000 transactions).
 *
 * <p>Calls go in batches, as about that many are up at once at 1,000 calls/s: every call's INVITE, then every 180,
 * every 200, ACK, BYE, and the BYE's 200. Only the proxy is timed and its allocation counted (the pipeline's read
 * of each datagram, the timers falling due); the two peers build their messages from what the proxy sent, as SIPp
 * does ({@code [last_Via:]}, {@code [last_Record-Route:]}, the route set and remote target of the 200), outside the
 * timed part. Every round checks that each call was answered, ended and recorded.
 *
 * <p>Not a test: run by hand, figures go to {@code bench/RESULTS.md}.
 * <pre>
 *   bench/proxy-call-bench.sh [warm-up calls=100000] [rounds=5] [calls per round=100000] [calls per batch=500]
 * </pre>
 * (it compiles sip-core's tests and runs {@code java -Xms512m -Xmx512m -cp ... io.vpbx.sip.proxy.ProxyCallBench},
 * with {@code JFR=file.jfr} a flight recording of the run).
 */
public final class ProxyCallBench {
    private static final String US = "203.0.113.1";
    private static final int PORT = 5060;
    private static final InetSocketAddress PROXY = new InetSocketAddress(US, PORT);
    private static final InetSocketAddress CARRIER = new InetSocketAddress("10.0.0.1", 5060);
    private static final InetSocketAddress PBX = new InetSocketAddress("10.0.0.2", 5080);
    private static final int MAX_MESSAGE_BYTES = 65_535;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final SimulatedClock clock = new SimulatedClock();
    private final WriteBatch batch = new WriteBatch();
    private final SippPeers peers = new SippPeers(CARRIER, PROXY, PBX);
    private final ProxyCore core;
    private long records;
    private long answeredRecords;
    private long callNumber;

    /** The peers are on 127.0.0.1, the PBX at 10.0.0.2: the operator's allowance for a lab. */
    static final AccountTargets LOOPBACK_ALLOWED = new AccountTargets(
            new PrivateTargets(List.of(AddressRange.parse("127.0.0.0/8").orElseThrow(),
                    AddressRange.parse("10.0.0.0/8").orElseThrow())), HostResolver.system());

    private ProxyCallBench() {
        channel.freezeTime();
        RoutingTable table = peers.routing(CARRIER);
        SecureRandom random = new SecureRandom();
        RingMemory memory = new RingMemory();
        Router router = new Router(table, employee -> List.of(), memory, new Random(7));
        OutboundCalls outbound = new OutboundCalls(
                new Authenticator(new NonceService(clock, random, Duration.ofMinutes(5), 100), random), "vpbx.bench",
                username -> Optional.empty(), employee -> Optional.empty());
        SipMetrics metrics = new SipMetrics(registry);
        Connections connections = new Connections(100);
        ProxyCore[] proxy = new ProxyCore[1];
        SipChannelInitializer streams = new SipChannelInitializer(
                new SipStreamHandler((bytes, flow) -> proxy[0].receive(bytes, flow), metrics, connections, batch),
                Optional.empty(), metrics, MAX_MESSAGE_BYTES);
        NettyNetwork network = new NettyNetwork(channel.eventLoop(), NioSocketChannel.class, channel, connections, streams,
                batch, US, PORT, Runnable::run, LOOPBACK_ALLOWED, () -> { });
        // as SipServer runs transaction timers: a wheel ticked by the event loop every 10 ms
        TimerWheel scheduler = new TimerWheel(Duration.ofMillis(10), 4096);
        channel.eventLoop().scheduleAtFixedRate(scheduler::tick, 10, 10, TimeUnit.MILLISECONDS);
        core = new ProxyCore(new ProxySettings(100, 50_000, 200_000, Duration.ofHours(12)), network, router, table,
                new StatelessResponder("vpbx-bench", 100), memory, outbound, this::record, AnswerServices.withoutMedia(),
                channel.eventLoop(), clock,
                scheduler, registry, new UplinkDirectory());
        proxy[0] = core;
        channel.pipeline().addLast("sip", new SipDatagramHandler(core::receive, metrics, MAX_MESSAGE_BYTES, batch));
    }

    public static void main(String[] args) {
        long warmUp = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long perRound = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        int perBatch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        ProxyCallBench bench = new ProxyCallBench();
        System.out.printf("ProxyCallBench: %,d warm-up calls, %d rounds of %,d calls in batches of %d (java %s, %s)%n",
                warmUp, rounds, perRound, perBatch, System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        bench.round("warm-up", warmUp, perBatch);
        List<double[]> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            results.add(bench.round("round " + r, perRound, perBatch));
        }
        System.out.printf("RESULT median of %d rounds: %.1f us CPU/call (best %.1f), %.1f us/call, %,.0f bytes allocated/call%n",
                rounds, median(results, 1) / 1000, results.stream().mapToDouble(r -> r[1]).min().orElseThrow() / 1000,
                median(results, 0) / 1000, median(results, 2));
        bench.channel.finishAndReleaseAll();
    }

    private static double median(List<double[]> results, int index) {
        double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    /** Runs that many calls; returns ns, CPU ns and bytes allocated per call in the proxy. */
    private double[] round(String label, long calls, int perBatch) {
        Meter meter = new Meter();
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long recordsBefore = answeredRecords;
        long done = 0;
        while (done < calls) {
            int n = (int) Math.min(perBatch, calls - done);
            batch(n, meter);
            done += n;
        }
        if (answeredRecords - recordsBefore != calls) {
            throw new IllegalStateException(label + ": " + (answeredRecords - recordsBefore) + " answered call records for "
                    + calls + " calls");
        }
        double[] perCall = {(double) meter.nanos / calls, (double) meter.cpuNanos / calls, (double) meter.bytes / calls};
        System.out.printf("%-8s %,9d calls  %6.1f us CPU/call  %6.1f us/call  %,7.0f bytes/call  %6d transactions"
                        + "  %3d GCs %5d ms%n", label, calls, perCall[1] / 1000, perCall[0] / 1000, perCall[2],
                core.transactionCount(), gcCount() - gcCount, gcMillis() - gcMillis);
        return perCall;
    }

    /** {@code n} calls through every step, then the clock moves 1 ms per call and due timers run. */
    private void batch(int n, Meter meter) {
        Map<String, Call> calls = new LinkedHashMap<>(n * 2);
        List<byte[]> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Call call = peers.call(++callNumber);
            calls.put(call.callId, call);
            in.add(peers.invite(call));
        }
        deliver(in, CARRIER, meter);
        drain(calls);
        in.clear();
        for (Call call : calls.values()) {
            in.add(peers.answer(call, 180, "Ringing", false));
        }
        deliver(in, PBX, meter);
        drain(calls);
        in.clear();
        for (Call call : calls.values()) {
            in.add(peers.answer(call, 200, "OK", true));
        }
        deliver(in, PBX, meter);
        drain(calls);
        in.clear();
        for (Call call : calls.values()) {
            in.add(peers.ack(call));
        }
        deliver(in, CARRIER, meter);
        drain(calls);
        in.clear();
        for (Call call : calls.values()) {
            in.add(peers.bye(call));
        }
        deliver(in, CARRIER, meter);
        drain(calls);
        in.clear();
        for (Call call : calls.values()) {
            in.add(peers.byeAnswered(call));
        }
        deliver(in, PBX, meter);
        drain(calls);
        meter.start();
        channel.advanceTimeBy(n, TimeUnit.MILLISECONDS);
        clock.advance(n);
        channel.runScheduledPendingTasks();
        meter.stop();
        drain(calls);
        for (Call call : calls.values()) {
            if (call.ringing != 1 || call.answered != 1 || call.acked != 1 || call.ended != 1) {
                throw new IllegalStateException("call " + call.callId + ": 180 x" + call.ringing + ", 200 x" + call.answered
                        + ", ACK x" + call.acked + ", BYE 200 x" + call.ended);
            }
        }
    }

    /** Hands each datagram to the pipeline as the event loop does when it reads one, timed. */
    private void deliver(List<byte[]> messages, InetSocketAddress from, Meter meter) {
        List<DatagramPacket> packets = new ArrayList<>(messages.size());
        for (byte[] message : messages) {
            packets.add(new DatagramPacket(Unpooled.wrappedBuffer(message), PROXY, from));
        }
        ChannelPipeline pipeline = channel.pipeline();
        meter.start();
        for (DatagramPacket packet : packets) {
            pipeline.fireChannelRead(packet);
            pipeline.fireChannelReadComplete();
        }
        meter.stop();
    }

    /** What the proxy sent, to the peer it was sent to. */
    private void drain(Map<String, Call> calls) {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            DatagramPacket packet = (DatagramPacket) out;
            String text = new String(ByteBufUtil.getBytes(packet.content()), StandardCharsets.ISO_8859_1);
            packet.release();
            Call call = calls.get(SippPeers.header(text, "Call-ID"));
            if (call == null) {
                throw new IllegalStateException("a message of no call in this batch: " + text);
            }
            String start = SippPeers.startLine(text);
            if (packet.recipient().equals(CARRIER)) {
                if (start.startsWith("SIP/2.0 180")) {
                    call.ringing++;
                } else if (start.startsWith("SIP/2.0 200") && SippPeers.header(text, "CSeq").endsWith("INVITE")) {
                    call.answered++;
                    call.answer = text;
                } else if (start.startsWith("SIP/2.0 200")) {
                    call.ended++;
                } else if (!start.startsWith("SIP/2.0 100")) {
                    throw new IllegalStateException("unexpected at the carrier: " + start);
                }
            } else if (packet.recipient().equals(PBX)) {
                if (start.startsWith("INVITE")) {
                    call.forwardedInvite = text;
                } else if (start.startsWith("ACK")) {
                    call.acked++;
                } else if (start.startsWith("BYE")) {
                    call.forwardedBye = text;
                } else {
                    throw new IllegalStateException("unexpected at the PBX: " + start);
                }
            } else {
                throw new IllegalStateException("sent to " + packet.recipient() + ": " + start);
            }
        }
    }

    private void record(CallRecord record) {
        records++;
        if (record.result() == CallRecord.Result.ANSWERED) {
            answeredRecords++;
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Time, CPU time and bytes allocated by this thread while the proxy works. */
    private static final class Meter {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final long thread = Thread.currentThread().getId();
        long nanos;
        long cpuNanos;
        long bytes;
        private long startNanos;
        private long startCpu;
        private long startBytes;

        void start() {
            startBytes = threads.getThreadAllocatedBytes(thread);
            startCpu = threads.getCurrentThreadCpuTime();
            startNanos = System.nanoTime();
        }

        void stop() {
            nanos += System.nanoTime() - startNanos;
            cpuNanos += threads.getCurrentThreadCpuTime() - startCpu;
            bytes += threads.getThreadAllocatedBytes(thread) - startBytes;
        }
    }

    /** Wall-clock time that moves only when the bench says so, 1 ms per call. */
    private static final class SimulatedClock extends Clock {
        private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
        private long millis;

        void advance(long by) {
            millis += by;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(millis);
        }

        @Override
        public long millis() {
            return start.toEpochMilli() + millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
