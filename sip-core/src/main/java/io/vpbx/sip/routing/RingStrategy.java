package io.vpbx.sip.routing;

/** How a department's members are rung (the admin side's names, one for one). */
public enum RingStrategy {
    RING_ALL,
    HUNT_IN_ORDER,
    MEMORY_HUNT,
    ROUND_ROBIN,
    RANDOM,
    LEAST_RECENT
}
