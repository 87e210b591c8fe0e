import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP/1.1 load generator in the manner of wrk2, one file, no dependencies (not a test; a benchmark
 * tool run by hand, e.g. from bench/admin-search-open-loop.sh):
 *
 * <pre>
 * java bench/OpenLoop.java --url http://127.0.0.1:18080 --rate 200 --connections 4 --duration 30 [--warmup 5]
 *     [--header 'Authorization: Bearer x'] (--path /v1/...)... [--paths-file FILE] [--timeout-ms 10000]
 * </pre>
 *
 * Requests leave on a fixed schedule: request k of the run is due at start + k / rate, and connection
 * k mod connections sends it (keep-alive, one request in flight per connection). Latency is measured from the
 * due time, not from when the request could actually be sent, so a stall of the server counts against every
 * request that should have left during it (no coordinated omission). The service time (from the actual send)
 * is printed beside it: when the two differ, requests queued in the generator because the server was slow.
 * Paths are used in rotation. Only loopback and private targets are meant; the tool has no limit of its own but
 * the run's length: rate x duration requests at most.
 *
 * Prints one line: {@code OPENLOOP rate=.. connections=.. duration_s=.. sent=.. ok=.. non_2xx=.. errors=..
 * late=.. achieved_rps=.. p50_ms=.. p90_ms=.. p99_ms=.. p999_ms=.. max_ms=.. service_p50_ms=.. service_p99_ms=..
 * service_max_ms=..}, where late counts requests sent more than 1 ms after their due time.
 */
public final class OpenLoop {

    record Options(URI url, double rate, int connections, int durationS, int warmupS, List<String> headers,
                   List<String> paths, int timeoutMs) {

        static Options parse(String[] args) throws IOException {
            URI url = null;
            double rate = 0;
            int connections = 4;
            int duration = 30;
            int warmup = 0;
            int timeout = 10_000;
            List<String> headers = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> url = URI.create(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--duration" -> duration = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--timeout-ms" -> timeout = Integer.parseInt(value);
                    case "--header" -> headers.add(value);
                    case "--path" -> paths.add(value);
                    case "--paths-file" -> Files.readAllLines(Path.of(value)).stream()
                            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(paths::add);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (url == null || rate <= 0 || connections < 1 || duration < 1 || paths.isEmpty()) {
                throw new IllegalArgumentException("need --url, --rate > 0, --connections >= 1, --duration >= 1 and a --path");
            }
            return new Options(url, rate, connections, duration, warmup, List.copyOf(headers), List.copyOf(paths), timeout);
        }
    }

    /** What one connection measured: latencies from the due time and from the send, in nanoseconds. */
    static final class Recorder {
        final long[] fromDue;
        final long[] fromSend;
        int count;
        long ok;
        long non2xx;
        long errors;
        long late;

        Recorder(int capacity) {
            fromDue = new long[capacity];
            fromSend = new long[capacity];
        }
    }

    /** One keep-alive connection that sends requests k = index, index + connections, ... on schedule. */
    static final class Connection implements Runnable {
        private final Options options;
        private final int index;
        private final long startNanos;
        private final long firstRecorded;
        private final long total;
        private final Recorder recorder;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(Options options, int index, long startNanos, long firstRecorded, long total, Recorder recorder) {
            this.options = options;
            this.index = index;
            this.startNanos = startNanos;
            this.firstRecorded = firstRecorded;
            this.total = total;
            this.recorder = recorder;
        }

        @Override
        public void run() {
            double intervalNanos = 1e9 / options.rate();
            for (long k = index; k < total; k += options.connections()) {
                long due = startNanos + (long) (k * intervalNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sent = System.nanoTime();
                int status;
                try {
                    status = exchange(options.paths().get((int) (k % options.paths().size())));
                } catch (IOException e) {
                    status = -1;
                    close();
                }
                long done = System.nanoTime();
                if (k < firstRecorded) {
                    continue;
                }
                if (status < 0) {
                    recorder.errors++;
                } else if (status / 100 == 2) {
                    recorder.ok++;
                } else {
                    recorder.non2xx++;
                }
                if (sent - due > 1_000_000) {
                    recorder.late++;
                }
                recorder.fromDue[recorder.count] = done - due;
                recorder.fromSend[recorder.count] = done - sent;
                recorder.count++;
            }
            close();
        }

        private int exchange(String path) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(options.url().getHost(), options.url().getPort()), options.timeoutMs());
                socket.setSoTimeout(options.timeoutMs());
                in = new BufferedInputStream(socket.getInputStream(), 65_536);
                out = socket.getOutputStream();
            }
            StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(options.url().getHost()).append(':').append(options.url().getPort()).append("\r\n");
            options.headers().forEach(header -> request.append(header).append("\r\n"));
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse();
        }

        /** Reads one response whole (Content-Length or chunked); returns its status. */
        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip().toLowerCase();
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a broken connection: nothing to do
            }
            socket = null;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long warmupRequests = (long) (options.rate() * options.warmupS());
        long total = warmupRequests + (long) (options.rate() * options.durationS());
        int perConnection = (int) ((total - warmupRequests) / options.connections() + 2);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            Recorder recorder = new Recorder(perConnection);
            recorders.add(recorder);
            Thread thread = new Thread(new Connection(options, i, start, warmupRequests, total, recorder), "openloop-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long end = System.nanoTime();
        int n = recorders.stream().mapToInt(r -> r.count).sum();
        long[] fromDue = new long[n];
        long[] fromSend = new long[n];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.fromDue, 0, fromDue, at, r.count);
            System.arraycopy(r.fromSend, 0, fromSend, at, r.count);
            at += r.count;
        }
        Arrays.sort(fromDue);
        Arrays.sort(fromSend);
        double measuredSeconds = (end - start) / 1e9 - options.warmupS();
        System.out.printf("OPENLOOP rate=%s connections=%d duration_s=%d warmup_s=%d sent=%d ok=%d non_2xx=%d errors=%d late=%d"
                        + " achieved_rps=%.1f p50_ms=%s p90_ms=%s p99_ms=%s p999_ms=%s max_ms=%s service_p50_ms=%s"
                        + " service_p99_ms=%s service_max_ms=%s%n",
                options.rate(), options.connections(), options.durationS(), options.warmupS(), n,
                recorders.stream().mapToLong(r -> r.ok).sum(), recorders.stream().mapToLong(r -> r.non2xx).sum(),
                recorders.stream().mapToLong(r -> r.errors).sum(), recorders.stream().mapToLong(r -> r.late).sum(),
                n / measuredSeconds, ms(fromDue, 0.50), ms(fromDue, 0.90), ms(fromDue, 0.99), ms(fromDue, 0.999),
                ms(fromDue, 1.0), ms(fromSend, 0.50), ms(fromSend, 0.99), ms(fromSend, 1.0));
    }

    /** The q-quantile (nearest rank) of sorted nanoseconds, in milliseconds. */
    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "nan";
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return String.format("%.2f", sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6);
    }
}
