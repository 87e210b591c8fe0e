package io.vpbx.sip.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the SIP connection limits did, registered up front so that every series exists from the start:
 * <ul>
 *   <li>{@code vpbx.sip.connections.refused} (reason): connections closed as soon as they were accepted;</li>
 *   <li>{@code vpbx.sip.connections.closed} (reason): open connections closed by a limit.</li>
 * </ul>
 */
public final class ConnectionMetrics {

    public static final String REFUSED = "vpbx.sip.connections.refused";
    public static final String CLOSED = "vpbx.sip.connections.closed";

    /** Why a connection was refused when accepted. */
    public enum Refusal {
        /** {@code sip.tcp.max-connections} were open. */
        TOTAL,
        /** {@code sip.tcp.max-connections-per-source} were open from the same source IP address. */
        PER_SOURCE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an open connection was closed by vpbx. */
    public enum Closing {
        /** No traffic either way for {@code sip.tcp.idle-timeout}. */
        IDLE,
        /** A message not complete within {@code sip.tcp.message-timeout} (slowloris), or no first message. */
        MESSAGE_TIMEOUT,
        /** A message larger than {@code sip.max-message-bytes}, answered with 513 before the close. */
        TOO_LARGE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final Map<Closing, Counter> closed = new EnumMap<>(Closing.class);

    public ConnectionMetrics(MeterRegistry registry) {
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, Counter.builder(REFUSED).description("SIP connections closed as soon as accepted")
                    .tag("reason", reason.tag()).register(registry));
        }
        for (Closing reason : Closing.values()) {
            closed.put(reason, Counter.builder(CLOSED).description("SIP connections closed by a limit")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    public void refused(Refusal reason) {
        refused.get(reason).increment();
    }

    public void closed(Closing reason) {
        closed.get(reason).increment();
    }
}
