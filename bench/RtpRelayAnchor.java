import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchor of the media benchmark: rtpengine (Debian's package, userspace forwarding, no kernel table) relays
 * N G.711 streams at 50 packets a second each, and this driver reports rtpengine's CPU time per packet relayed,
 * to set beside vpbx's CPU per packet sent (bench/media-streams.sh). One file, no dependencies, run by hand:
 *
 * <pre>
 * java bench/RtpRelayAnchor.java --ng 127.0.0.1:22222 --pid PID --streams 1000 --duration 20
 * </pre>
 *
 * For each stream it sets up one call over rtpengine's NG control protocol (bencode over UDP: offer, answer,
 * finally delete), then sends 172-byte RTP packets (12 header + 160 PCMU) every 20 ms from the caller's socket to
 * rtpengine's caller-side port and receives them at the callee's socket. Only 127.0.0.1. Prints one line:
 * {@code ANCHOR streams=.. duration_s=.. sent=.. relayed=.. loss_pct=.. cpu_s=.. us_per_packet=.. jitter_p99_ms=..}
 * where jitter is the spread of arrival gaps around 20 ms at the callee (rtpengine's pacing is the sender's).
 */
public final class RtpRelayAnchor {

    private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) ");

    public static void main(String[] args) throws Exception {
        String ng = "127.0.0.1:22222";
        long pid = -1;
        int streams = 1000;
        int duration = 20;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--ng" -> ng = args[i + 1];
                case "--pid" -> pid = Long.parseLong(args[i + 1]);
                case "--streams" -> streams = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String[] hostPort = ng.split(":");
        InetSocketAddress control = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        if (!control.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("only 127.0.0.x");
        }
        try (DatagramChannel ngChannel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            ngChannel.bind(new InetSocketAddress("127.0.0.1", 0));
            ngChannel.connect(control);
            List<Stream> all = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                all.add(Stream.open(ngChannel, "bench-" + i));
            }
            run(all, duration, pid);
            for (Stream s : all) {
                s.close(ngChannel);
            }
        }
    }

    private static void run(List<Stream> streams, int durationS, long pid) throws IOException {
        Selector selector = Selector.open();
        for (Stream s : streams) {
            s.callee.configureBlocking(false);
            s.callee.register(selector, SelectionKey.OP_READ, s);
        }
        ByteBuffer packet = ByteBuffer.allocate(172);
        ByteBuffer in = ByteBuffer.allocate(2048);
        long start = System.nanoTime();
        long end = start + durationS * 1_000_000_000L;
        long cpuBefore = cpuTicks(pid);
        long sent = 0;
        long relayed = 0;
        long[] gaps = new long[1 << 22];
        int gapCount = 0;
        long tick = 0;
        while (true) {
            long due = start + tick * 20_000_000L;
            if (due >= end) {
                break;
            }
            for (Stream s : streams) {
                packet.clear();
                packet.put((byte) 0x80).put((byte) 0).putShort((short) s.seq++).putInt(s.timestamp).putInt(s.ssrc);
                packet.put(s.payload);
                packet.flip();
                s.caller.send(packet, s.relayCallerSide);
                s.timestamp += 160;
                sent++;
            }
            tick++;
            long next = start + tick * 20_000_000L;
            while (System.nanoTime() < next) {
                selector.select(Math.max(1, (next - System.nanoTime()) / 1_000_000));
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Stream s = (Stream) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    in.clear();
                    while (channel.receive(in) != null) {
                        relayed++;
                        if (s.lastArrival != 0 && gapCount < gaps.length) {
                            gaps[gapCount++] = now - s.lastArrival;
                        }
                        s.lastArrival = now;
                        in.clear();
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        long drainUntil = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < drainUntil) {
            selector.select(50);
            for (SelectionKey key : selector.selectedKeys()) {
                in.clear();
                while (((DatagramChannel) key.channel()).receive(in) != null) {
                    relayed++;
                    in.clear();
                }
            }
            selector.selectedKeys().clear();
        }
        double cpuS = (cpuTicks(pid) - cpuBefore) / 100.0;
        long[] g = Arrays.copyOf(gaps, gapCount);
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.abs(g[i] - 20_000_000L);
        }
        Arrays.sort(g);
        double p99 = g.length == 0 ? 0 : g[(int) (g.length * 0.99)] / 1e6;
        System.out.printf("ANCHOR streams=%d duration_s=%d sent=%d relayed=%d loss_pct=%.3f cpu_s=%.2f us_per_packet=%.2f"
                        + " jitter_p99_ms=%.2f%n", streams.size(), durationS, sent, relayed,
                100.0 * (sent - relayed) / Math.max(1, sent), cpuS, cpuS * 1e6 / Math.max(1, relayed), p99);
        selector.close();
    }

    /** utime + stime of the process, in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** One call through rtpengine: the caller's and callee's sockets and rtpengine's port facing the caller. */
    private static final class Stream {
        final String callId;
        final DatagramChannel caller;
        final DatagramChannel callee;
        InetSocketAddress relayCallerSide;
        final byte[] payload = new byte[160];
        final int ssrc;
        int seq;
        int timestamp;
        long lastArrival;

        private Stream(String callId) throws IOException {
            this.callId = callId;
            this.caller = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
            this.callee = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
            this.callee.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            Arrays.fill(payload, (byte) 0xFF);
            this.ssrc = callId.hashCode();
            this.seq = callId.hashCode() & 0xFFFF;
        }

        static Stream open(DatagramChannel ng, String callId) throws IOException {
            Stream s = new Stream(callId);
            int callerPort = ((InetSocketAddress) s.caller.getLocalAddress()).getPort();
            int calleePort = ((InetSocketAddress) s.callee.getLocalAddress()).getPort();
            // offer from the caller: rtpengine answers with its port facing the callee (unused here)
            command(ng, List.of("command", "offer", "call-id", callId, "from-tag", "a", "sdp", sdp(callerPort)));
            String answered = command(ng, List.of("command", "answer", "call-id", callId, "from-tag", "a", "to-tag", "b",
                    "sdp", sdp(calleePort)));
            Matcher m = AUDIO_PORT.matcher(answered);
            if (!m.find()) {
                throw new IOException("rtpengine gave no audio port: " + answered);
            }
            s.relayCallerSide = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
            return s;
        }

        void close(DatagramChannel ng) throws IOException {
            command(ng, List.of("command", "delete", "call-id", callId, "from-tag", "a"));
            caller.close();
            callee.close();
        }

        private static String sdp(int port) {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                    + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        }
    }

    private static int cookie;

    /** One NG request (a bencoded dictionary of strings) and its reply, as text. */
    private static String command(DatagramChannel ng, List<String> pairs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String id = "c" + (cookie++);
        out.writeBytes((id + " d").getBytes(StandardCharsets.US_ASCII));
        for (String item : pairs) {
            byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        }
        out.writeBytes("e".getBytes(StandardCharsets.US_ASCII));
        ng.write(ByteBuffer.wrap(out.toByteArray()));
        ByteBuffer reply = ByteBuffer.allocate(65536);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            reply.clear();
            ng.read(reply);
            String text = new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8);
            if (text.startsWith(id + " ")) {
                if (!text.contains("6:result2:ok")) {
                    throw new IOException("rtpengine refused " + pairs.get(1) + ": " + text);
                }
                return text;
            }
            LockSupport.parkNanos(100_000);
        }
        throw new IOException("rtpengine did not answer " + pairs.get(1));
    }
}
