package io.vpbx.media.session;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import io.vpbx.media.rtp.DropReason;
import io.vpbx.media.rtp.MediaMetrics;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Where a bridged peer hands the packets it heard to this session, whose event loop may be another one: a bounded
 * lock-free queue (many producers, the loop consumes) and one drain task, scheduled only when the queue had
 * nothing pending, so a burst costs one wake-up. A full queue drops the packet (counted): the receiving loop is
 * stalled and late voice is worse than lost voice.
 */
final class RelayInlet {

    /** About 1.3 s of 20 ms frames: more than any healthy loop falls behind. */
    static final int CAPACITY = 64;

    private final EventLoop loop;
    private final MediaMetrics metrics;
    private final Consumer<RelayedFrame> sink;
    private final Queue<RelayedFrame> pending = PlatformDependent.newFixedMpscQueue(CAPACITY);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    /** @param sink runs on {@code loop} with each frame; it owns the frame's buffer from then on */
    RelayInlet(EventLoop loop, MediaMetrics metrics, Consumer<RelayedFrame> sink) {
        this.loop = loop;
        this.metrics = metrics;
        this.sink = sink;
    }

    /** From the peer's loop: queues the frame (taking its buffer) and wakes this loop when it was idle. */
    void offer(RelayedFrame frame) {
        if (!pending.offer(frame)) {
            frame.packet().release();
            metrics.dropped(DropReason.BRIDGE_OVERFLOW);
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drain);
            } catch (RejectedExecutionException e) {
                discard(); // the loop is gone with its session
            }
        }
    }

    /** Releases whatever waits (the session closed). */
    void discard() {
        RelayedFrame frame;
        while ((frame = pending.poll()) != null) {
            frame.packet().release();
        }
    }

    private void drain() {
        scheduled.set(false); // before polling: a frame offered from now on schedules another drain
        RelayedFrame frame;
        while ((frame = pending.poll()) != null) {
            sink.accept(frame);
        }
    }
}
