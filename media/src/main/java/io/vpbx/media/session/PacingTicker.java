package io.vpbx.media.session;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vpbx.media.Codec;
import io.vpbx.media.rtp.TickerMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One 20 ms clock per event loop that walks the loop's sessions with work to do (playing, sending a digit,
 * recording, waiting for a digit's end). A session costs nothing between calls to {@link #tick}: no task, no
 * thread, no sleep per call. Ticks are numbered from the ticker's start; the session sends the packets whose
 * 20 ms slot has come (the ideal timeline), so a tick that fires late is made up by the next one. Each tick's
 * lateness and work go to {@link TickerMetrics}. Runs on its loop only.
 */
final class PacingTicker {

    private static final Logger LOG = LoggerFactory.getLogger(PacingTicker.class);
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(Codec.PACKET_MILLIS);

    /** Something that is called every tick until it says it is done. */
    interface Paced {
        /** Does this slot's work; false leaves the ticker (the session joins again when it has work). */
        boolean tick(long slot, long nanoTime);
    }

    private final EventLoop loop;
    private final TickerMetrics metrics;
    private final long epoch;
    private final List<Paced> members = new ArrayList<>();
    private ScheduledFuture<?> schedule;
    private long due; // when the scheduled tick that runs next was due (fixed rate: the last one's + 20 ms)

    PacingTicker(EventLoop loop, TickerMetrics metrics) {
        this.loop = loop;
        this.metrics = metrics;
        this.epoch = System.nanoTime();
    }

    EventLoop loop() {
        return loop;
    }

    /** The slot number at {@code nanoTime}. */
    long slotAt(long nanoTime) {
        return Math.floorDiv(nanoTime - epoch, TICK_NANOS);
    }

    /** The slot as a fraction (for sender reports). */
    double fractionalSlotAt(long nanoTime) {
        return (nanoTime - epoch) / (double) TICK_NANOS;
    }

    /** Adds a member (on the loop); the ticker starts when it gets its first member. */
    void join(Paced member) {
        members.add(member);
        if (schedule == null) {
            long now = System.nanoTime();
            long untilNext = TICK_NANOS - Math.floorMod(now - epoch, TICK_NANOS);
            due = now + untilNext;
            schedule = loop.scheduleAtFixedRate(this::run, untilNext, TICK_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    int members() {
        return members.size();
    }

    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        members.clear();
    }

    private void run() {
        long now = System.nanoTime();
        long slot = slotAt(now);
        int kept = 0;
        for (int i = 0; i < members.size(); i++) {
            Paced member = members.get(i);
            if (tickSafely(member, slot, now)) {
                members.set(kept++, member);
            }
        }
        members.subList(kept, members.size()).clear();
        if (members.isEmpty() && schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        metrics.tick(due, now, System.nanoTime());
        due += TICK_NANOS;
    }

    /** One member's failure must not stop the ticker (a throwing periodic task is cancelled) for all the others. */
    private static boolean tickSafely(Paced member, long slot, long now) {
        try {
            return member.tick(slot, now);
        } catch (RuntimeException e) {
            LOG.error("media: a session failed on its tick and leaves the ticker", e);
            return false;
        }
    }
}
