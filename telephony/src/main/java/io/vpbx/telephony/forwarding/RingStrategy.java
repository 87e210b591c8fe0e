package io.vpbx.telephony.forwarding;

import java.util.Locale;

/** How a department's members are rung: chosen through the admin API, followed by the SIP core's router. */
public enum RingStrategy {
    /** Every member at once; the first to answer takes the call. */
    RING_ALL,
    /** Members one after another, always from the first. */
    HUNT_IN_ORDER,
    /** One after another, starting after the member who answered last. */
    MEMORY_HUNT,
    /** One after another, starting after the member rung first last time. */
    ROUND_ROBIN,
    /** Members in random order. */
    RANDOM,
    /** The member who has waited longest since their last call first. */
    LEAST_RECENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RingStrategy fromWire(String value) {
        for (RingStrategy strategy : values()) {
            if (strategy.wireName().equals(value)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
