package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hashed timing wheel (Varghese and Lauck) for the transaction and ring timers of one event loop. Starting,
 * stopping and expiring a timer each cost a constant few memory accesses, where the event loop's own priority
 * queue costs a cache miss per level of a heap of tens of thousands of timers (Timer J alone keeps a BYE's
 * transaction for 32 s: at 1,000 calls/s that is 32,000 live timers, and every call starts six and expires two).
 *
 * <p>The owner calls {@link #tick} once per {@code tick} of time (the SIP server from a fixed-rate task of its
 * event loop). A timer runs at the first tick at or after its delay, so up to one tick late, which SIP timers
 * (500 ms and more) do not notice. Timers due at the same tick run in the order they were started. Longer delays
 * than one turn of the wheel wait their turns in their slot.
 *
 * <p>Not thread-safe: confined to the event loop that ticks it, like the transactions it serves.
 */
public final class TimerWheel implements TimerScheduler {
    private static final Logger log = LoggerFactory.getLogger(TimerWheel.class);

    private final long tickNanos;
    /** The first timer of each slot's list; a timer sits in the slot of its deadline tick. */
    private final Timer[] heads;
    private final Timer[] tails;
    private final int mask;
    private final List<Timer> due = new ArrayList<>();
    private long ticks;
    private int pending;

    /**
     * @param tick how much time one {@link #tick} stands for
     * @param slots slots of the wheel, a power of two; one turn is {@code slots} ticks
     */
    public TimerWheel(Duration tick, int slots) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.tickNanos = tick.toNanos();
        this.heads = new Timer[slots];
        this.tails = new Timer[slots];
        this.mask = slots - 1;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        long delayTicks = Math.max(1, (delay.toNanos() + tickNanos - 1) / tickNanos);
        Timer timer = new Timer(ticks + delayTicks, task);
        link(timer);
        pending++;
        return timer;
    }

    /** One tick of time has passed: runs the timers now due. */
    public void tick() {
        ticks++;
        int slot = (int) (ticks & mask);
        for (Timer timer = heads[slot]; timer != null; ) {
            Timer next = timer.next;
            if (timer.deadline <= ticks) {
                unlink(timer);
                pending--;
                timer.state = Timer.DUE;
                due.add(timer);
            }
            timer = next;
        }
        if (due.isEmpty()) {
            return;
        }
        // run after the slot is walked: a task may start or stop other timers, even ones due now
        for (int i = 0; i < due.size(); i++) {
            Timer timer = due.get(i);
            if (timer.state == Timer.DUE) {
                timer.state = Timer.FIRED;
                try {
                    timer.task.run();
                } catch (RuntimeException e) {
                    log.warn("a SIP timer task failed", e);
                }
            }
        }
        due.clear();
    }

    /** Timers started and neither run nor stopped. */
    public int pending() {
        return pending;
    }

    private void link(Timer timer) {
        int slot = (int) (timer.deadline & mask);
        timer.prev = tails[slot];
        if (tails[slot] == null) {
            heads[slot] = timer;
        } else {
            tails[slot].next = timer;
        }
        tails[slot] = timer;
    }

    private void unlink(Timer timer) {
        int slot = (int) (timer.deadline & mask);
        if (timer.prev == null) {
            heads[slot] = timer.next;
        } else {
            timer.prev.next = timer.next;
        }
        if (timer.next == null) {
            tails[slot] = timer.prev;
        } else {
            timer.next.prev = timer.prev;
        }
        timer.prev = null;
        timer.next = null;
    }

    /** One started timer, linked in its slot while it waits. */
    private final class Timer implements Cancellable {
        static final int WAITING = 0;
        static final int DUE = 1;
        static final int FIRED = 2;
        static final int CANCELLED = 3;

        final long deadline;
        final Runnable task;
        Timer prev;
        Timer next;
        int state = WAITING;

        Timer(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (state == WAITING) {
                unlink(this);
                pending--;
            } else if (state != DUE) {
                return;
            }
            // a due timer is out of its slot already; it is skipped when its turn comes
            state = CANCELLED;
        }
    }
}
