import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.MediaConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.session.NettyMediaServer;
import io.vpbx.media.tone.Tones;
import io.vpbx.sip.SipServer;
import io.vpbx.sip.SipServices;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Callers waiting in a scenario's menu (issue 13): the real SipServer and NettyMediaServer on 127.0.0.1, a number whose
 * target is a menu (2 s prompt, 1 s timeout, 6 tries: the no-input prompt and the menu again, then hang up); SIPp
 * places {@code --callers} silent calls at 100 a second, each with its RTP sent to one receiving socket of this JVM,
 * whose thread notes when each packet of each stream (by SSRC) arrives. Not a test; run by hand from
 * bench/scenario-menu.sh:
 *
 * <pre>
 * java -cp SIP_CORE_CLASSPATH bench/ScenarioMenu.java [--callers 500] [--seconds 12]
 * </pre>
 *
 * Once every caller is in the menu it measures for {@code --seconds}: the inter-arrival time of consecutive packets of a
 * stream within a prompt (a packet with the marker bit starts the next prompt: its gap is reported apart; gaps over
 * 500 ms are the menu's silent wait and are left out) as p50/p99/p99.9/max, the figures of StreamPacing (loss,
 * deviation from the ideal send time, RFC 3550 jitter; the same as bench/MediaStreams.java), the kernel's UDP
 * receive-buffer drops, vpbx's ticker meters per media loop, and CPU by thread group (ThreadMXBean; the receiver apart) and the whole process, per caller-second.
 */
public final class ScenarioMenu {
    private static final String NUMBER = "+74951230001";
    private static final long MICROS_PER_BUCKET = 10;
    private static final int BUCKETS = 50_000; // inter-arrival up to 500 ms, 10 us resolution

    public static void main(String[] args) throws Exception {
        int callers = 500;
        int seconds = 12;
        // one socket takes every caller's stream (17,500 packets/s for 500): with the OS default (208 KB) it overflows
        // whenever the receiver thread is descheduled for ~10 ms, and the lost packets look like late ones
        int receiveBuffer = 4 << 20; // capped by net.core.rmem_max; 0: the OS default (net.core.rmem_default)
        // every caller presses 1 (the menu's own option: back to the menu, so it stays) this often, 0: silent callers
        int digitEvery = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--callers" -> callers = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--receive-buffer" -> receiveBuffer = Integer.parseInt(args[i + 1]);
                case "--digit-every" -> digitEvery = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NettyMediaServer media = new NettyMediaServer(new MediaConfig("127.0.0.1", "127.0.0.1", 40000,
                40000 + 4 * callers + 1, 1 << 20, Duration.ofMinutes(5), 1 << 20), registry, Duration.ofSeconds(10),
                Integer.getInteger("loops", Runtime.getRuntime().availableProcessors()), Clock.systemUTC());
        Map<String, AudioClip> clips = Map.of("menu", new AudioClip("menu", Tones.sine(1000, 2000)),
                "noinput", new AudioClip("noinput", Tones.sine(1500, 1000)));
        AnswerServices answering = new AnswerServices(media,
                (account, id) -> CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id))),
                voicemail -> { }, new VoicemailConfig(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(1),
                        Duration.ofDays(1)), Tones.greeting(), Tones.beep());
        RoutingTable routing = new RoutingTable();
        routing.put(new TrunkEntry("carrier", "127.0.0.1", null));
        routing.putScenario(new Scenario("ivr", "acme", 1, "Menu", "main", Map.of("main",
                new Step.Menu("menu", Map.of("1", "main"), Duration.ofSeconds(1), 6, null, "noinput", null))));
        routing.put(new RouteEntry(NUMBER, "acme", true, true, "active", new Target.Scenario("ivr"), 20, null));
        List<CallRecord> records = new CopyOnWriteArrayList<>();
        SipServices standalone = SipServices.standalone(Optional.empty());
        SipServer sip = new SipServer(new SipConfig("127.0.0.1", 0, true, false, "vpbx.bench", 65_535, 100, 10_000,
                10_000, 100, 10_000, ""), registry, new SipServices(routing, Optional.empty(), employee -> List.of(),
                standalone.credentials(), standalone.authenticator(), standalone.accountOfEmployee(), records::add,
                answering, Clock.systemUTC()));
        sip.start();

        DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        if (receiveBuffer > 0) {
            receiver.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer); // capped by net.core.rmem_max
        }
        int rtpPort = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
        StreamPacing pacing = new StreamPacing();
        // a packet with the marker bit starts a talkspurt (a new prompt): its gap is the pause between two prompts
        long[] histogram = new long[BUCKETS + 1];
        long[] betweenPrompts = new long[BUCKETS + 1];
        Map<Integer, StreamPacing.Stream> streams = new HashMap<>();
        // where each caller's audio comes from: the digits go back there, from the receiving socket itself, so that
        // vpbx's symmetric latching keeps sending to the receiver
        Map<Integer, java.net.SocketAddress> sources = new java.util.concurrent.ConcurrentHashMap<>();
        boolean[] measuring = new boolean[1];
        Thread receiving = Thread.ofPlatform().name("bench-receiver").daemon().start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            try {
                while (true) {
                    buffer.clear();
                    java.net.SocketAddress from = receiver.receive(buffer);
                    long now = System.nanoTime();
                    if (buffer.position() < 12 || (buffer.get(1) & 0x7f) != 0) {
                        continue; // voice only (PCMU)
                    }
                    int ssrc = buffer.getInt(8);
                    sources.putIfAbsent(ssrc, from);
                    boolean marker = (buffer.get(1) & 0x80) != 0;
                    StreamPacing.Stream stream = streams.computeIfAbsent(ssrc, k -> new StreamPacing.Stream());
                    long before = stream.lastSequence < 0 ? -1 : stream.lastArrivalMicros;
                    synchronized (histogram) {
                        boolean measure = measuring[0];
                        pacing.file(stream, buffer.getShort(2) & 0xFFFF, buffer.getInt(4), now, measure, 500_000);
                        if (measure && before >= 0) {
                            long micros = now / 1000 - before;
                            if (micros < 500_000) {
                                (marker ? betweenPrompts : histogram)[(int) Math.min(BUCKETS, micros / MICROS_PER_BUCKET)]++;
                            }
                        }
                    }
                }
            } catch (Exception e) {
                // closed at the end
            }
        });

        long[] digitsSent = new long[1];
        if (digitEvery > 0) {
            startDigits(receiver, sources, digitEvery, digitsSent);
        }
        Path folder = Files.createTempDirectory("scenario-menu-");
        Process sipp = new ProcessBuilder("sipp", "127.0.0.1:" + sip.udpPort(), "-sf",
                Path.of("bench/sipp/menu-caller.xml").toAbsolutePath().toString(), "-i", "127.0.0.1", "-s", NUMBER,
                "-m", Integer.toString(callers), "-l", Integer.toString(callers), "-r", "100", "-key", "rtp_port",
                Integer.toString(rtpPort), "-timeout", "120s", "-nostdin", "-trace_err", "-error_file",
                folder.resolve("errors.log").toString())
                .directory(folder.toFile()).redirectOutput(folder.resolve("stdout.log").toFile()).redirectErrorStream(true)
                .start();
        long allIn = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(callers * 10L + 2000);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, allIn - System.nanoTime()));
        int inMenu = media.activeSessions();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> groupsBefore = cpuByGroup(threads);
        long processBefore = os.getProcessCpuTime();
        long receiverBefore = threads.getThreadCpuTime(receiving.threadId());
        long dropsBefore = udpReceiveBufferErrors();
        Map<String, long[]> tickerBefore = tickers(registry);
        double loadBefore = os.getSystemLoadAverage();
        synchronized (histogram) {
            measuring[0] = true;
        }
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        synchronized (histogram) {
            measuring[0] = false;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long process = os.getProcessCpuTime() - processBefore;
        long receiverCpu = threads.getThreadCpuTime(receiving.threadId()) - receiverBefore;
        long drops = udpReceiveBufferErrors() - dropsBefore;
        Map<String, long[]> tickerAfter = tickers(registry);
        Map<String, Long> groupsAfter = cpuByGroup(threads);
        int stillInMenu = media.activeSessions();
        double loadAfter = os.getSystemLoadAverage();

        boolean ended = sipp.waitFor(120, TimeUnit.SECONDS);
        int sippExit = ended ? sipp.exitValue() : -1;
        if (!ended) {
            sipp.destroyForcibly();
        }
        sip.close();
        media.close();
        int[] receiveBufferUsed = {receiver.getOption(StandardSocketOptions.SO_RCVBUF)};
        receiver.close();

        double callerSeconds = Math.min(inMenu, stillInMenu) * elapsed;
        System.out.printf(Locale.ROOT, "callers %d, in the menu at the start %d and end %d of %.1f s measured; sipp exit %d"
                        + " (0: every call ended by vpbx's BYE), %d call records%n", callers, inMenu, stillInMenu, elapsed,
                sippExit, records.size());
        long digitsHeard = records.stream().mapToLong(r -> r.toString().split("digit 1", -1).length - 1).sum();
        System.out.printf(Locale.ROOT, "digits: every caller presses 1 every %d s (RFC 4733 from the receiving socket);"
                + " %d sent, %d in the call records' paths%n", digitEvery, digitsSent[0], digitsHeard);
        System.out.printf(Locale.ROOT, "receiving socket: SO_RCVBUF %d bytes; kernel UDP receive-buffer drops in the window"
                + " (machine-wide RcvbufErrors) %d%n", receiveBufferUsed[0], drops);
        System.out.printf(Locale.ROOT, "%s%n", pacing.summary());
        System.out.printf(Locale.ROOT, "packets received %d (%.0f/s)%n", pacing.packets, pacing.packets / elapsed);
        System.out.printf(Locale.ROOT, "inter-arrival within prompts: p50 %s, p99 %s, p99.9 %s, max %s%n",
                percentile(histogram, 0.50), percentile(histogram, 0.99), percentile(histogram, 0.999),
                percentile(histogram, 1.0));
        System.out.printf(Locale.ROOT, "gap from a prompt's last packet to the next prompt's first (marker bit), under 500 ms:"
                        + " p50 %s, p99 %s, max %s%n", percentile(betweenPrompts, 0.50), percentile(betweenPrompts, 0.99),
                percentile(betweenPrompts, 1.0));
        System.out.printf(Locale.ROOT, "CPU per caller-second: process %.1f us (receiver %.1f us of it)%n",
                process / 1e3 / callerSeconds, receiverCpu / 1e3 / callerSeconds);
        Map<String, Long> spent = new TreeMap<>();
        groupsAfter.forEach((group, after) -> spent.put(group, after - groupsBefore.getOrDefault(group, 0L)));
        spent.entrySet().stream().filter(e -> e.getValue() > 10_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %.1f us/caller-s%n", e.getKey(),
                        e.getValue() / 1e3 / callerSeconds));
        tickerAfter.forEach((loop, after) -> {
            long[] before = tickerBefore.getOrDefault(loop, new long[after.length]);
            System.out.printf(Locale.ROOT, "  ticker %s: %s%n", loop, tickerLine(before, after));
        });
        System.out.printf(Locale.ROOT, "load average %.2f -> %.2f on %d cores; sipp logs in %s%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), folder);
    }

    /**
     * Presses 1 for every caller every {@code everySeconds}, spread over the interval: RFC 4733 packets of one event
     * (start with the marker bit, an update 20 ms later, then the end three times, as phones send it), 20 ms apart, on a
     * thread of the bench's own.
     */
    private static void startDigits(DatagramChannel socket, Map<Integer, java.net.SocketAddress> sources, int everySeconds,
                                    long[] sent) {
        Thread.ofPlatform().name("bench-digits").daemon().start(() -> {
            Map<Integer, int[]> state = new HashMap<>(); // per caller: next press (tick), phase, sequence, timestamp
            ByteBuffer packet = ByteBuffer.allocate(16);
            long tick = 0;
            int period = everySeconds * 50;
            try {
                while (true) {
                    Thread.sleep(20);
                    tick++;
                    for (Map.Entry<Integer, java.net.SocketAddress> caller : sources.entrySet()) {
                        int[] s = state.get(caller.getKey());
                        if (s == null) { // the first press somewhere in the first period, so presses spread out
                            s = new int[] {(int) tick + Math.floorMod(caller.getKey(), period), -1, 0, 0};
                            state.put(caller.getKey(), s);
                        }
                        if (s[1] < 0 && tick >= s[0]) {
                            s[1] = 0;
                            s[3] += 8000;
                        }
                        if (s[1] >= 0) {
                            boolean end = s[1] >= 2;
                            packet.clear();
                            packet.put((byte) 0x80).put((byte) ((s[1] == 0 ? 0x80 : 0) | 101)).putShort((short) s[2]++)
                                    .putInt(s[3]).putInt(caller.getKey() ^ 0x5A5A5A5A)
                                    .put((byte) 1).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) (160 * Math.min(s[1] + 1, 3)));
                            packet.flip();
                            socket.send(packet, caller.getValue());
                            if (++s[1] > 4) {
                                s[1] = -1;
                                s[0] = (int) tick + period;
                                sent[0]++;
                            }
                        }
                    }
                }
            } catch (Exception e) {
                // closed at the end
            }
        });
    }

    /** Machine-wide UDP datagrams the kernel dropped because a socket's receive buffer was full. */
    private static long udpReceiveBufferErrors() throws java.io.IOException {
        List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp:")).toList();
        List<String> names = List.of(udp.get(0).split(" "));
        return Long.parseLong(udp.get(1).split(" ")[names.indexOf("RcvbufErrors")]);
    }

    /**
     * Per media loop, from vpbx's own ticker meters: tick count, late-tick count (20 ms or more), lateness and work
     * histograms (cumulative bucket counts at 1, 2, 5, 10, 20 ms), lateness max in us.
     */
    private static Map<String, long[]> tickers(SimpleMeterRegistry registry) {
        Map<String, long[]> byLoop = new TreeMap<>();
        for (Timer timer : registry.find("vpbx.media.ticker.lateness").timers()) {
            String loop = timer.getId().getTag("loop");
            Timer work = registry.get("vpbx.media.ticker.work").tag("loop", loop).timer();
            long[] row = new long[13];
            row[0] = timer.count();
            row[1] = (long) registry.get("vpbx.media.ticker.late").tag("loop", loop).counter().count();
            fill(timer.takeSnapshot(), row, 2);
            fill(work.takeSnapshot(), row, 7);
            row[12] = (long) timer.max(TimeUnit.MICROSECONDS);
            byLoop.put(loop, row);
        }
        return byLoop;
    }

    private static final double[] EDGES_MS = {1, 2, 5, 10, 20};

    private static void fill(HistogramSnapshot snapshot, long[] row, int from) {
        CountAtBucket[] buckets = snapshot.histogramCounts();
        boolean cumulative = true;
        for (int i = 1; i < buckets.length; i++) {
            cumulative &= buckets[i].count() >= buckets[i - 1].count();
        }
        for (int e = 0; e < EDGES_MS.length; e++) {
            double below = 0;
            for (CountAtBucket bucket : buckets) {
                if (bucket.bucket(TimeUnit.MILLISECONDS) <= EDGES_MS[e]) {
                    below = cumulative ? bucket.count() : below + bucket.count();
                }
            }
            row[from + e] = snapshot.count() - (long) below; // ticks over (about) this edge
        }
    }

    private static String tickerLine(long[] before, long[] after) {
        long ticks = after[0] - before[0];
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d ticks, %d fired 20 ms+ late; late over",
                ticks, after[1] - before[1]));
        for (int e = 0; e < EDGES_MS.length; e++) {
            line.append(String.format(Locale.ROOT, " %.0f ms: %d", EDGES_MS[e], after[2 + e] - before[2 + e]));
        }
        line.append("; work over");
        for (int e = 0; e < EDGES_MS.length; e++) {
            line.append(String.format(Locale.ROOT, " %.0f ms: %d", EDGES_MS[e], after[7 + e] - before[7 + e]));
        }
        return line.append(String.format(Locale.ROOT, "; lateness max (last 2 min) %.2f ms", after[12] / 1000.0))
                .toString();
    }

    /** CPU nanoseconds of the live threads, by name with the digits taken out (one group per pool). */
    private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
        Map<String, Long> groups = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static String percentile(long[] histogram, double share) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long wanted = (long) Math.ceil(total * share);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= wanted && histogram[i] > 0) {
                return String.format(Locale.ROOT, "%.2f ms", i * MICROS_PER_BUCKET / 1000.0);
            }
        }
        return "n/a";
    }
}
