import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.MediaConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RemoteMedia;
import io.vpbx.media.session.NettyMediaServer;
import io.vpbx.media.tone.Tones;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent voice-message streams (issue 12): N media sessions of one NettyMediaServer each play a long clip to
 * their own receiving UDP socket on 127.0.0.1; one receiver thread (a selector over the N sockets) notes when each
 * packet arrives. Not a test; a benchmark run by hand from bench/media-streams.sh:
 *
 * <pre>
 * java -cp MEDIA_CLASSPATH bench/MediaStreams.java [--streams 1000] [--seconds 25] [--warmup 5] [--loops cores]
 *     [--first-port 24000] [--rtpengine 127.0.0.1:22222 --rtpengine-pid PID]
 * </pre>
 *
 * With {@code --rtpengine}, each stream is set up as a call through that rtpengine (ng protocol: offer with the
 * session's port, answer with the receiver's) and the session sends to rtpengine's port, so rtpengine relays every
 * packet in userspace to the receiver: the anchor. Its CPU time is read from /proc/PID/stat over the same window.
 *
 * After the warm-up it measures for {@code --seconds}: the inter-arrival time of consecutive packets of a stream
 * (ideal: 20 ms) as p50/p99/p99.9/max and its deviation from 20 ms, packets lost (sequence gaps) and reordered,
 * and CPU: the media event loops' threads (ThreadMXBean), the receiver thread, and the whole process
 * (OperatingSystemMXBean), each per stream-second. Only 127.0.0.1; bounded by the run's length.
 */
public final class MediaStreams {

    private static final long MICROS_PER_BUCKET = 10;
    private static final int BUCKETS = 100_000; // up to 1 s of inter-arrival, 10 us resolution

    public static void main(String[] args) throws Exception {
        int streams = 1000;
        int seconds = 25;
        int warmup = 5;
        int loops = Runtime.getRuntime().availableProcessors();
        int firstPort = 24000;
        InetSocketAddress rtpengine = null;
        long rtpenginePid = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--streams" -> streams = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--loops" -> loops = Integer.parseInt(args[i + 1]);
                case "--first-port" -> firstPort = Integer.parseInt(args[i + 1]);
                case "--rtpengine" -> rtpengine = new InetSocketAddress(args[i + 1].split(":")[0],
                        Integer.parseInt(args[i + 1].split(":")[1]));
                case "--rtpengine-pid" -> rtpenginePid = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        MediaConfig config = new MediaConfig("127.0.0.1", "127.0.0.1", firstPort, firstPort + 4 * streams + 1,
                1 << 20, Duration.ofMinutes(10), 1 << 20);
        AudioClip clip = new AudioClip("bench", Tones.sine(440, (warmup + seconds + 10) * 1000));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (NettyMediaServer server = new NettyMediaServer(config, registry, Duration.ofSeconds(1),
                loops, Clock.systemUTC());
                Selector selector = Selector.open();
                NgControl ng = rtpengine == null ? null : new NgControl(rtpengine)) {
            List<DatagramChannel> sockets = new ArrayList<>();
            List<MediaSession> sessions = new ArrayList<>();
            Stream[] state = new Stream[streams];
            for (int i = 0; i < streams; i++) {
                DatagramChannel socket = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                socket.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 18);
                socket.configureBlocking(false);
                state[i] = new Stream();
                socket.register(selector, SelectionKey.OP_READ, state[i]);
                sockets.add(socket);
                MediaSession session = server.open("bench-" + i).orElseThrow();
                InetSocketAddress receiver = (InetSocketAddress) socket.getLocalAddress();
                InetSocketAddress target = ng == null ? receiver
                        : ng.relay("bench-" + i, session.localRtp().getPort(), receiver.getPort());
                session.connect(new RemoteMedia(target, Codec.PCMU, -1, true));
                session.play(clip, 1);
                sessions.add(session);
            }
            Receiver receiver = new Receiver(selector);
            Thread receiving = Thread.ofPlatform().name("bench-receiver").start(receiver);
            TimeUnit.SECONDS.sleep(warmup);

            receiver.measuring = true;
            long cpuMediaBefore = mediaCpu(threads);
            long cpuReceiverBefore = threads.getThreadCpuTime(receiving.threadId());
            long cpuProcessBefore = os.getProcessCpuTime();
            long cpuRtpengineBefore = processCpuNanos(rtpenginePid);
            double sentBefore = registry.counter("vpbx.media.rtp.sent").count();
            long wallBefore = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            receiver.measuring = false;
            long wall = System.nanoTime() - wallBefore;
            long cpuMedia = mediaCpu(threads) - cpuMediaBefore;
            long cpuReceiver = threads.getThreadCpuTime(receiving.threadId()) - cpuReceiverBefore;
            long cpuProcess = os.getProcessCpuTime() - cpuProcessBefore;
            long cpuRtpengine = processCpuNanos(rtpenginePid) - cpuRtpengineBefore;
            double sent = registry.counter("vpbx.media.rtp.sent").count() - sentBefore;
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            receiving.interrupt();
            selector.wakeup();
            receiving.join();

            long received = 0;
            long lost = 0;
            long reordered = 0;
            for (Stream stream : state) {
                received += stream.received;
                lost += stream.lost;
                reordered += stream.reordered;
            }
            double streamSeconds = streams * (wall / 1e9);
            long[] histogram = receiver.histogram;
            System.out.printf(Locale.ROOT, "MEDIASTREAMS streams=%d loops=%d seconds=%.1f sent=%.0f packets=%d expected=%d "
                    + "lost=%d reordered=%d rtcp=%d foreign=%d interarrival_ms p50=%.2f p99=%.2f p999=%.2f max=%.2f "
                    + "deviation_ms p50=%.2f p99=%.2f max=%.2f over_30ms=%d "
                    + "cpu_us_per_stream_second media_loops=%.1f receiver=%.1f process=%.1f "
                    + "media_loops_cores=%.2f relay=%s rtpengine_cpu_us_per_stream_second=%s "
                    + "load_before='%s' load_after='%s'%n",
                    streams, loops, wall / 1e9, sent, received, Math.round(streamSeconds * 50), lost, reordered, receiver.rtcp, receiver.foreign,
                    percentile(histogram, 0.50), percentile(histogram, 0.99), percentile(histogram, 0.999),
                    receiver.maxMicros / 1000.0,
                    percentile(receiver.deviation, 0.50), percentile(receiver.deviation, 0.99),
                    receiver.maxDeviationMicros / 1000.0, receiver.over30,
                    cpuMedia / 1e3 / streamSeconds, cpuReceiver / 1e3 / streamSeconds, cpuProcess / 1e3 / streamSeconds,
                    cpuMedia / (double) wall, ng == null ? "none" : "rtpengine",
                    rtpenginePid < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", cpuRtpengine / 1e3 / streamSeconds),
                    loadBefore, loadAfter);
            System.out.printf(Locale.ROOT, "%s%n", receiver.pacing.summary());
            if (ng != null) {
                for (int i = 0; i < streams; i++) {
                    ng.delete("bench-" + i);
                }
            }
            sessions.forEach(MediaSession::close);
            for (DatagramChannel socket : sockets) {
                socket.close();
            }
        }
    }

    /** utime + stime of a process from /proc/PID/stat, in nanoseconds (clock ticks of 10 ms). */
    private static long processCpuNanos(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** rtpengine's ng control protocol (bencoded dictionaries over UDP with a cookie), just offer/answer/delete. */
    static final class NgControl implements AutoCloseable {
        private final java.net.DatagramSocket socket;
        private final InetSocketAddress address;
        private int cookie;

        NgControl(InetSocketAddress address) throws IOException {
            this.address = address;
            this.socket = new java.net.DatagramSocket();
            socket.setSoTimeout(5000);
        }

        /** Sets up a call from {@code fromPort} to {@code toPort}; returns where the caller must send. */
        InetSocketAddress relay(String callId, int fromPort, int toPort) throws IOException {
            command("offer", callId, sdp(fromPort));
            String answer = command("answer", callId, sdp(toPort));
            var port = java.util.regex.Pattern.compile("m=audio (\\d+)").matcher(answer);
            if (!port.find()) {
                throw new IllegalStateException("rtpengine answered without m=audio: " + answer);
            }
            return new InetSocketAddress("127.0.0.1", Integer.parseInt(port.group(1)));
        }

        void delete(String callId) throws IOException {
            command("delete", callId, null);
        }

        private static String sdp(int port) {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        }

        private String command(String command, String callId, String sdp) throws IOException {
            StringBuilder body = new StringBuilder("d");
            bencode(body, "call-id", callId);
            bencode(body, "command", command);
            bencode(body, "from-tag", "a");
            if (sdp != null) {
                bencode(body, "sdp", sdp);
            }
            if (!command.equals("offer")) {
                bencode(body, "to-tag", "b");
            }
            body.append('e');
            String id = Integer.toString(++cookie);
            byte[] request = (id + " " + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            socket.send(new java.net.DatagramPacket(request, request.length, address));
            byte[] buffer = new byte[65536];
            while (true) {
                java.net.DatagramPacket reply = new java.net.DatagramPacket(buffer, buffer.length);
                socket.receive(reply);
                String text = new String(buffer, 0, reply.getLength(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.startsWith(id + " ")) {
                    if (!text.contains("6:result2:ok")) {
                        throw new IllegalStateException("rtpengine " + command + ": " + text);
                    }
                    return text;
                }
            }
        }

        private static void bencode(StringBuilder out, String key, String value) {
            out.append(key.length()).append(':').append(key).append(value.length()).append(':').append(value);
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static long mediaCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("vpbx-media")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static double percentile(long[] histogram, double quantile) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long wanted = (long) Math.ceil(total * quantile);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= wanted && wanted > 0) {
                return i * MICROS_PER_BUCKET / 1000.0;
            }
        }
        return Double.NaN;
    }

    /** One stream's receive state (touched by the receiver thread only). */
    static final class Stream {
        final StreamPacing.Stream pacing = new StreamPacing.Stream();
        long lastArrival;
        int ssrc;
        int lastSequence = -1;
        long received;
        long lost;
        long reordered;
    }

    /**
     * Reads every socket as packets come and files the inter-arrival times. The receivers' ports are consecutive,
     * so a session's sender reports (to its far end's RTP port + 1) land on the next receiver: RTCP is counted
     * apart. A stream is known by the SSRC of its first packet; anything else is counted as foreign.
     */
    static final class Receiver implements Runnable {
        final Selector selector;
        final long[] histogram = new long[BUCKETS];
        final long[] deviation = new long[BUCKETS];
        final StreamPacing pacing = new StreamPacing(); // the figures bench/ScenarioMenu.java prints too
        volatile boolean measuring;
        long maxMicros;
        long maxDeviationMicros;
        long over30;
        long foreign;
        long rtcp;

        Receiver(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    selector.select();
                    long now = System.nanoTime();
                    var keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        DatagramChannel channel = (DatagramChannel) key.channel();
                        Stream stream = (Stream) key.attachment();
                        buffer.clear();
                        while (channel.receive(buffer) != null) {
                            int type = buffer.get(1) & 0xFF;
                            int sequence = buffer.getShort(2) & 0xFFFF;
                            int ssrc = buffer.getInt(8);
                            if (type >= 200 && type <= 204) {
                                rtcp++; // a neighbour's sender report: its RTP port + 1 is this socket
                            } else if (stream.lastSequence < 0 || ssrc == stream.ssrc) {
                                stream.ssrc = ssrc;
                                pacing.file(stream.pacing, sequence, buffer.getInt(4), now, measuring, Long.MAX_VALUE);
                                file(stream, sequence, now);
                            } else {
                                foreign++;
                            }
                            buffer.clear();
                            now = System.nanoTime();
                        }
                    }
                }
            } catch (IOException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void file(Stream stream, int sequence, long now) {
            boolean measure = measuring;
            if (stream.lastSequence >= 0 && measure) {
                int gap = (sequence - stream.lastSequence) & 0xFFFF;
                if (gap == 0 || gap > 0x8000) {
                    stream.reordered++;
                    return;
                }
                stream.received++;
                stream.lost += gap - 1;
                long micros = (now - stream.lastArrival) / 1000 / gap;
                histogram[(int) Math.min(BUCKETS - 1, micros / MICROS_PER_BUCKET)]++;
                long off = Math.abs(micros - 20_000);
                deviation[(int) Math.min(BUCKETS - 1, off / MICROS_PER_BUCKET)]++;
                maxMicros = Math.max(maxMicros, micros);
                maxDeviationMicros = Math.max(maxDeviationMicros, off);
                if (micros > 30_000) {
                    over30++;
                }
            }
            stream.lastSequence = sequence;
            stream.lastArrival = now;
        }
    }
}
