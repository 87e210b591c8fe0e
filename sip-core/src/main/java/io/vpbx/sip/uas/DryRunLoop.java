package io.vpbx.sip.uas;

import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The event loop and the timers of a dry run, on the thread that calls {@link #runUntil}: tasks run in the order they
 * came (completions of other threads, such as a clip loaded from storage, are queued here too), and a timer never
 * waits for real time: once nothing else is ready, the timer the script set is due, and {@code due} decides what
 * happens then (the caller presses a key, or the wait runs out).
 */
final class DryRunLoop implements Executor, TimerScheduler {
    /** How long the loop waits for a completion from another thread (a clip being read) before giving up. */
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(10);

    /** What happens when the script's timer is due, with the timer's own task (the wait running out). */
    interface Due {
        void due(Runnable timeout);
    }

    private final BlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
    private final Deque<Timer> timers = new ArrayDeque<>();
    private Due due = Runnable::run;

    void onDue(Due due) {
        this.due = due;
    }

    @Override
    public void execute(Runnable task) {
        ready.add(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(task);
        timers.add(timer);
        return timer;
    }

    /**
     * Runs tasks until {@code done}, firing timers when nothing else is ready. False when it stopped waiting for a
     * completion that never came.
     */
    boolean runUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable task = ready.poll();
            if (task != null) {
                task.run();
                continue;
            }
            Timer timer = nextTimer();
            if (timer != null) {
                due.due(timer.task);
                continue;
            }
            task = ready.poll(IDLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (task == null) {
                return false;
            }
            task.run();
        }
        return true;
    }

    private Timer nextTimer() {
        while (!timers.isEmpty()) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                return timer;
            }
        }
        return null;
    }

    private static final class Timer implements Cancellable {
        private final Runnable task;
        private boolean cancelled;

        Timer(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
