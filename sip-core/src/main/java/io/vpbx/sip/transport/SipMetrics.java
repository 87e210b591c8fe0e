package io.vpbx.sip.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SIP transport counters, registered up front so that every series exists from the start:
 * <ul>
 *   <li>{@code vpbx.sip.messages} (transport, outcome): every framed message, {@code answered} when a
 *       response was sent, {@code ignored} otherwise;</li>
 *   <li>{@code vpbx.sip.dropped} (reason): messages given no answer that would have deserved one, and
 *       oversized input, which never becomes a message.</li>
 * </ul>
 */
public final class SipMetrics {

    public static final String MESSAGES = "vpbx.sip.messages";
    public static final String DROPPED = "vpbx.sip.dropped";
    public static final String ANSWERED = "answered";
    public static final String IGNORED = "ignored";

    private final Map<SipTransport, Counter> answered = new EnumMap<>(SipTransport.class);
    private final Map<SipTransport, Counter> ignored = new EnumMap<>(SipTransport.class);
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    public SipMetrics(MeterRegistry registry) {
        for (SipTransport transport : SipTransport.values()) {
            answered.put(transport, messages(registry, transport, ANSWERED));
            ignored.put(transport, messages(registry, transport, IGNORED));
        }
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder(DROPPED)
                    .description("SIP input dropped without an answer")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    private static Counter messages(MeterRegistry registry, SipTransport transport, String outcome) {
        return Counter.builder(MESSAGES)
                .description("SIP messages received")
                .tag("transport", transport.tag())
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counts one framed message and what the responder made of it. */
    public void record(SipTransport transport, Outcome outcome) {
        if (outcome instanceof Outcome.Reply) {
            answered.get(transport).increment();
            return;
        }
        ignored.get(transport).increment();
        if (outcome instanceof Outcome.Drop drop) {
            dropped(drop.reason());
        }
    }

    /** Counts input dropped before it became a message: oversized, or a stream that lost its framing. */
    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }
}
