package io.vpbx.sip.proxy;

import io.vpbx.sip.SipServerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.SipConfig;
import io.vpbx.sip.SipServer;
import io.vpbx.sip.SipServices;
import io.vpbx.sip.proxy.SippPeers.Call;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.telephony.cdr.CallRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SIP event loop's CPU time per call with real sockets, as the SIPp benchmark measures it but in one JVM: the
 * whole {@link SipServer} on 127.0.0.1 (epoll UDP, the proxy, its timers) and the two peers of {@link SippPeers} on
 * their own UDP sockets in the main thread, calls started at a fixed rate (default 1,000 calls/s) with no hold time.
 * After a warm-up, each round reports the CPU time of the event-loop thread per call (user and system: the system
 * part is the socket calls) and of the rest of the JVM but the peers (GC, JIT), from the thread's own counters.
 *
 * <p>Not a test: run by hand, figures go to {@code bench/RESULTS.md}; it takes the warm-up plus the rounds in real time.
 * <pre>
 *   bench/proxy-call-bench.sh sockets [calls/s=1000] [warm-up s=20] [rounds=3] [s per round=15]
 * </pre>
 */
public final class ProxySocketBench {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final long STRAGGLERS_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SipServer server;
    private final DatagramChannel uac;
    private final DatagramChannel uas;
    private final Selector selector;
    private final InetSocketAddress proxy;
    private final SippPeers peers;
    private final AtomicLong answeredRecords = new AtomicLong();
    private final Map<String, Call> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
    private long callNumber;
    private long lost;

    private ProxySocketBench() throws IOException {
        selector = Selector.open();
        uac = open(selector);
        uas = open(selector);
        RoutingTable routing = new RoutingTable();
        SipServices standalone = SipServices.standalone(Optional.empty());
        SipServices services = new SipServices(routing, Optional.empty(), standalone.location(), standalone.credentials(),
                standalone.authenticator(), standalone.accountOfEmployee(), this::record, standalone.answering(),
                standalone.clock());
        // no per-source throttle, as bench/sip-bench.sh runs the server: the UAC is one source sending 3 requests a call
        server = new SipServer(SipServerSettings.of(new SipConfig("127.0.0.1", 0, true, false, "vpbx.bench", 65_535, 100,
                0, 1, 1, 50_000, "")).withAccountTargets(ProxyCallBench.LOOPBACK_ALLOWED), new SimpleMeterRegistry(), services,
                transition -> { });
        server.start();
        proxy = new InetSocketAddress("127.0.0.1", server.udpPort());
        InetSocketAddress carrier = (InetSocketAddress) uac.getLocalAddress();
        peers = new SippPeers(carrier, proxy, (InetSocketAddress) uas.getLocalAddress());
        peers.provision(routing, carrier);
    }

    public static void main(String[] args) throws IOException {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        ProxySocketBench bench = new ProxySocketBench();
        try {
            System.out.printf("ProxySocketBench: %,d calls/s, %d s warm-up, %d rounds of %d s (java %s, %s)%n", rate, warmUp,
                    rounds, seconds, System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
            bench.round("warm-up", rate, warmUp);
            List<double[]> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                results.add(bench.round("round " + r, rate, seconds));
            }
            System.out.printf("RESULT median of %d rounds: event loop %.1f us CPU/call (%.1f user), rest of the JVM %.1f us/call%n",
                    rounds, median(results, 0), median(results, 1), median(results, 2));
        } finally {
            bench.close();
        }
    }

    private static double median(List<double[]> results, int index) {
        double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    /** Calls at {@code rate} for {@code seconds}, then until they have ended; CPU us per call of loop, user, rest. */
    private double[] round(String label, int rate, int seconds) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long loop = loopThread();
        long loopCpu = threads.getThreadCpuTime(loop);
        long loopUser = threads.getThreadUserTime(loop);
        long process = os.getProcessCpuTime();
        long peersCpu = threads.getCurrentThreadCpuTime();
        long records = answeredRecords.get();
        long calls = drive(rate, seconds);
        double loopUs = (threads.getThreadCpuTime(loop) - loopCpu) / 1000.0 / calls;
        double userUs = (threads.getThreadUserTime(loop) - loopUser) / 1000.0 / calls;
        double restUs = (os.getProcessCpuTime() - process - (threads.getCurrentThreadCpuTime() - peersCpu)) / 1000.0 / calls
                - loopUs;
        long answered = answeredRecords.get() - records;
        System.out.printf("%-8s %,7d calls (%,d recorded, %d lost)  event loop %6.1f us CPU/call (%5.1f user, %5.1f system)"
                + "  rest of the JVM %5.1f us/call%n", label, calls, answered, lost, loopUs, userUs, loopUs - userUs, restUs);
        return new double[] {loopUs, userUs, restUs};
    }

    /** Starts calls at the rate for that long and plays both peers until every call has ended; returns the calls. */
    private long drive(int rate, int seconds) throws IOException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long stop = start + TimeUnit.SECONDS.toNanos(seconds);
        long next = start;
        long started = 0;
        while (true) {
            long now = System.nanoTime();
            while (next <= now && next < stop) {
                Call call = peers.call(++callNumber);
                open.put(call.callId, call);
                send(uac, peers.invite(call));
                started++;
                next += interval;
            }
            if (now >= stop && open.isEmpty()) {
                return started;
            }
            if (now >= stop + STRAGGLERS_NANOS) {
                lost += open.size();
                open.clear();
                return started;
            }
            selector.select(1);
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                DatagramChannel channel = (DatagramChannel) ready.next().channel();
                ready.remove();
                while (channel.receive(buffer.clear()) != null) {
                    buffer.flip();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    if (channel == uac) {
                        atCaller(text);
                    } else {
                        atCallee(text);
                    }
                }
            }
        }
    }

    /** The UAC: on the 200 for its INVITE, ACK and BYE at once; the call ends with the 200 for the BYE. */
    private void atCaller(String text) throws IOException {
        Call call = open.get(SippPeers.header(text, "Call-ID"));
        String start = SippPeers.startLine(text);
        if (call == null || !start.startsWith("SIP/2.0 200")) {
            return;
        }
        if (SippPeers.header(text, "CSeq").endsWith("INVITE")) {
            if (call.answer == null) {
                call.answer = text;
                send(uac, peers.ack(call));
                send(uac, peers.bye(call));
            }
        } else {
            open.remove(call.callId);
        }
    }

    /** The UAS: 180 and 200 for an INVITE, 200 for a BYE. */
    private void atCallee(String text) throws IOException {
        Call call = open.get(SippPeers.header(text, "Call-ID"));
        String start = SippPeers.startLine(text);
        if (call == null) {
            return;
        }
        if (start.startsWith("INVITE") && call.forwardedInvite == null) {
            call.forwardedInvite = text;
            send(uas, peers.answer(call, 180, "Ringing", false));
            send(uas, peers.answer(call, 200, "OK", true));
        } else if (start.startsWith("BYE")) {
            call.forwardedBye = text;
            send(uas, peers.byeAnswered(call));
        }
    }

    private void send(DatagramChannel from, byte[] message) throws IOException {
        from.send(ByteBuffer.wrap(message), proxy);
    }

    private void record(CallRecord record) {
        if (record.result() == CallRecord.Result.ANSWERED) {
            answeredRecords.incrementAndGet();
        }
    }

    /** The SIP event loop's thread (DefaultThreadFactory names it vpbx-sip-N-M). */
    private static long loopThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("vpbx-sip-") && !thread.getName().contains("resolver")) {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no SIP event loop thread");
    }

    private static DatagramChannel open(Selector selector) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(LOOPBACK);
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.register(selector, SelectionKey.OP_READ);
        return channel;
    }

    private void close() throws IOException {
        server.close();
        uac.close();
        uas.close();
        selector.close();
    }
}
