package io.vpbx.media.session;

import io.vpbx.media.Codec;

/**
 * One outgoing DTMF digit as RFC 4733 telephone-event packets, one per 20 ms: the first carries the marker, all
 * share the event's start timestamp, the duration grows by 160 samples per packet, and the last packet (end bit
 * set, final duration) goes three times (section 2.5.1.4). Pure: says what the next packet's payload is.
 */
final class DigitSender {

    static final String DIGITS = "0123456789*#ABCD";
    private static final int VOLUME = 10;          // -10 dBm0, as phones send
    private static final int END_REPEATS = 3;
    private static final int MAX_DURATION = 0xFFFF;

    private final int event;
    private final int totalDuration;
    private int duration;
    private int endsSent;
    private int timestamp;
    private boolean started;

    DigitSender(char digit, int lengthMillis) {
        event = DIGITS.indexOf(Character.toUpperCase(digit));
        if (event < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        int samples = Math.max(Codec.SAMPLES_PER_PACKET, lengthMillis * Codec.CLOCK_RATE / 1000);
        totalDuration = Math.min(MAX_DURATION, samples);
    }

    boolean done() {
        return endsSent >= END_REPEATS;
    }

    /** Whether the next packet is the event's first (it carries the marker and fixes the timestamp). */
    boolean first() {
        return !started;
    }

    /** The event's timestamp, fixed by the first packet. */
    int timestamp(int slotTimestamp) {
        if (!started) {
            started = true;
            timestamp = slotTimestamp;
        }
        return timestamp;
    }

    /** The next packet's 4-byte payload. */
    int nextPayload() {
        duration = Math.min(totalDuration, duration + Codec.SAMPLES_PER_PACKET);
        boolean end = duration >= totalDuration;
        if (end) {
            endsSent++;
        }
        return event << 24 | (end ? 0x80 : 0) << 16 | VOLUME << 16 | duration;
    }
}
