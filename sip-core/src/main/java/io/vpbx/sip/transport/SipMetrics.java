package io.vpbx.sip.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.DropReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SIP transport counters, registered up front so that every series exists from the start:
 * <ul>
 *   <li>{@code vpbx.sip.messages} (transport): every framed message handed to the SIP core;</li>
 *   <li>{@code vpbx.sip.dropped} (reason): input given no answer that would have deserved one, oversized
 *       input that never becomes a message, throttled requests.</li>
 * </ul>
 */
public final class SipMetrics {

    public static final String MESSAGES = "vpbx.sip.messages";
    public static final String DROPPED = DropReason.METER;

    private final Map<SipTransport, Counter> received = new EnumMap<>(SipTransport.class);
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    public SipMetrics(MeterRegistry registry) {
        for (SipTransport transport : SipTransport.values()) {
            received.put(transport, Counter.builder(MESSAGES)
                    .description("SIP messages received")
                    .tag("transport", transport.tag())
                    .register(registry));
        }
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder(DROPPED)
                    .description("SIP input dropped without an answer")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    /** Counts one framed message handed to the SIP core. */
    public void received(SipTransport transport) {
        received.get(transport).increment();
    }

    /** Counts input dropped without an answer. */
    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }
}
