import java.util.Locale;

/**
 * What a receiver sees of many RTP streams' pacing, measured the same way by bench/MediaStreams.java and
 * bench/ScenarioMenu.java (a second source file found by the java launcher beside the one it runs). Per packet:
 * <ul>
 *   <li>inter-arrival per slot: time since the stream's previous packet divided by the sequence gap, and its
 *       deviation from 20 ms (issue 12's figure; a lost packet does not widen it);</li>
 *   <li>deviation from the ideal send time: the packet's transit (arrival minus its RTP timestamp as time) minus
 *       the smallest transit of the stream so far; the timestamp follows vpbx's 20 ms timeline through silences,
 *       so this holds across prompts;</li>
 *   <li>RFC 3550 section 6.4.1 interarrival jitter J, the running estimate after each packet;</li>
 *   <li>loss (sequence gaps) and reordering; and the raw inter-arrival, which loss widens.</li>
 * </ul>
 * Not thread-safe: one receiver thread files every packet.
 */
final class StreamPacing {

    static final long MICROS_PER_BUCKET = 10;
    static final int BUCKETS = 100_000; // up to 1 s, 10 us resolution
    private static final long MICROS_PER_TIMESTAMP = 125; // 8 kHz

    /** One stream's state at the receiver. */
    static final class Stream {
        int ssrc;
        int lastSequence = -1;
        int lastTimestamp;
        long extendedTimestamp;
        long lastArrivalMicros;
        long minTransitMicros = Long.MAX_VALUE;
        double jitterMicros;
        long received;
        long lost;
        long reordered;
    }

    final long[] rawInterArrival = new long[BUCKETS];
    final long[] slotDeviation = new long[BUCKETS];
    final long[] idealDeviation = new long[BUCKETS];
    final long[] jitter = new long[BUCKETS];
    long packets;
    long lost;
    long reordered;

    /**
     * Files one packet; {@code measure} false only updates the stream's state (warm-up). {@code gapsOver} leaves
     * out of the inter-arrival figures the pauses longer than this (a menu's silent wait), not of the others.
     */
    void file(Stream stream, int sequence, int timestamp, long nanoTime, boolean measure, long gapsOverMicros) {
        long now = nanoTime / 1000;
        if (stream.lastSequence >= 0) {
            int gap = (sequence - stream.lastSequence) & 0xFFFF;
            if (gap == 0 || gap > 0x8000) {
                if (measure) {
                    stream.reordered++;
                    reordered++;
                }
                return;
            }
            stream.extendedTimestamp += timestamp - stream.lastTimestamp; // int difference: wraps right
            long sinceLast = now - stream.lastArrivalMicros;
            long timestampMicros = (long) (timestamp - stream.lastTimestamp) * MICROS_PER_TIMESTAMP;
            double d = Math.abs(sinceLast - timestampMicros);
            stream.jitterMicros += (d - stream.jitterMicros) / 16; // RFC 3550 6.4.1
            if (measure) {
                stream.received++;
                stream.lost += gap - 1;
                packets++;
                lost += gap - 1;
                if (sinceLast < gapsOverMicros) {
                    put(rawInterArrival, sinceLast);
                    put(slotDeviation, Math.abs(sinceLast / gap - 20_000));
                }
                put(jitter, (long) stream.jitterMicros);
            }
        }
        long transit = now - stream.extendedTimestamp * MICROS_PER_TIMESTAMP;
        stream.minTransitMicros = Math.min(stream.minTransitMicros, transit);
        if (measure && stream.lastSequence >= 0) {
            put(idealDeviation, transit - stream.minTransitMicros);
        }
        stream.lastSequence = sequence;
        stream.lastTimestamp = timestamp;
        stream.lastArrivalMicros = now;
    }

    /** One line of the figures, in ms. */
    String summary() {
        return String.format(Locale.ROOT, "packets %d, lost %d (%.3f %%), reordered %d%n"
                        + "  deviation from the ideal send time (RTP timestamp): p50 %.2f, p99 %.2f, p99.9 %.2f, max %.2f ms%n"
                        + "  RFC 3550 jitter (running J per packet): p50 %.2f, p99 %.2f, max %.2f ms%n"
                        + "  inter-arrival per slot, deviation from 20 ms (issue 12's figure): p50 %.2f, p99 %.2f, max %.2f ms%n"
                        + "  raw inter-arrival (loss widens it): p50 %.2f, p99 %.2f, p99.9 %.2f, max %.2f ms",
                packets, lost, 100.0 * lost / Math.max(1, packets + lost), reordered,
                percentile(idealDeviation, 0.50), percentile(idealDeviation, 0.99), percentile(idealDeviation, 0.999),
                percentile(idealDeviation, 1.0),
                percentile(jitter, 0.50), percentile(jitter, 0.99), percentile(jitter, 1.0),
                percentile(slotDeviation, 0.50), percentile(slotDeviation, 0.99), percentile(slotDeviation, 1.0),
                percentile(rawInterArrival, 0.50), percentile(rawInterArrival, 0.99), percentile(rawInterArrival, 0.999),
                percentile(rawInterArrival, 1.0));
    }

    private static void put(long[] histogram, long micros) {
        histogram[(int) Math.max(0, Math.min(BUCKETS - 1, micros / MICROS_PER_BUCKET))]++;
    }

    static double percentile(long[] histogram, double quantile) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long wanted = Math.max(1, (long) Math.ceil(total * quantile));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= wanted) {
                return i * MICROS_PER_BUCKET / 1000.0;
            }
        }
        return Double.NaN;
    }
}
