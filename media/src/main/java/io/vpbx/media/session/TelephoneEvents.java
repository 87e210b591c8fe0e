package io.vpbx.media.session;

/**
 * Receives RFC 4733 telephone events and reports each DTMF digit once. An event is known by its RTP timestamp:
 * the end packet and its retransmissions share it, so the first end reports the digit and the rest are ignored. A
 * digit whose end packets were all lost is reported when the next event starts or when nothing was heard of it for
 * {@link #END_TIMEOUT_NANOS}. Pure: the session calls it on its event loop with the packet's fields and the time.
 */
final class TelephoneEvents {

    /** How long an event may stay silent before it counts as ended (its end packets lost). */
    static final long END_TIMEOUT_NANOS = 600_000_000L;

    interface Listener {
        /** The first packet of an event was seen; {@code timestamp} is where the tone began. */
        void started(char digit, int timestamp);

        /** The event ended: report the digit. */
        void ended(char digit);
    }

    private final Listener listener;
    private boolean active;
    private int timestamp;
    private int event;
    private boolean reported;
    private long lastHeard;

    TelephoneEvents(Listener listener) {
        this.listener = listener;
    }

    /**
     * One telephone-event packet. Returns false when the payload is no DTMF event (shorter than 4 bytes, or an
     * event code above 15); the caller counts it.
     */
    boolean receive(int packetTimestamp, byte[] payload, long now) {
        if (payload.length < 4 || (payload[0] & 0xFF) > 15) {
            return false;
        }
        int code = payload[0] & 0xFF;
        boolean end = (payload[1] & 0x80) != 0;
        if (!active || packetTimestamp != timestamp || code != event) {
            if (active && packetTimestamp - timestamp < 0) {
                return true; // a straggler of an older event
            }
            expireNow();
            active = true;
            timestamp = packetTimestamp;
            event = code;
            reported = false;
            listener.started(DigitSender.DIGITS.charAt(code), packetTimestamp);
        }
        lastHeard = now;
        if (end && !reported) {
            report();
        }
        return true;
    }

    /** Reports a digit whose end was never heard, once it has been quiet for the timeout. */
    void expire(long now) {
        if (active && !reported && now - lastHeard >= END_TIMEOUT_NANOS) {
            report();
        }
    }

    /** Whether a digit is waiting for its end (the session keeps ticking for {@link #expire}). */
    boolean waiting() {
        return active && !reported;
    }

    private void expireNow() {
        if (active && !reported) {
            report();
        }
    }

    private void report() {
        reported = true;
        listener.ended(DigitSender.DIGITS.charAt(event));
    }
}
