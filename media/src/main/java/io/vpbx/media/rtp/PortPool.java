package io.vpbx.media.rtp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * The even RTP ports of {@code media.rtp-ports} (each with the odd RTCP port after it). A released port rests in
 * quarantine before it is handed out again, so that a late packet of a finished call cannot reach the next call on
 * the same port. Ports are handed out least recently used first. Thread-safe (sessions open from any thread).
 */
public final class PortPool {

    private record Resting(int port, Instant until) {
    }

    private final Clock clock;
    private final Duration quarantine;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Deque<Resting> resting = new ArrayDeque<>();

    public PortPool(int firstPort, int lastPort, Duration quarantine, Clock clock) {
        this.clock = clock;
        this.quarantine = quarantine;
        for (int port = firstPort + (firstPort & 1); port + 1 <= lastPort; port += 2) {
            free.addLast(port);
        }
    }

    /** The next free even port, or empty when every pair is in use or resting. */
    public synchronized OptionalInt take() {
        Instant now = clock.instant();
        while (!resting.isEmpty() && !resting.peekFirst().until().isAfter(now)) {
            free.addLast(resting.pollFirst().port());
        }
        Integer port = free.pollFirst();
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** Gives the pair back; it is free again after the quarantine. */
    public synchronized void release(int port) {
        resting.addLast(new Resting(port, clock.instant().plus(quarantine)));
    }

    /** Pairs not in use: free now or resting in quarantine. */
    public synchronized int size() {
        return free.size() + resting.size();
    }
}
