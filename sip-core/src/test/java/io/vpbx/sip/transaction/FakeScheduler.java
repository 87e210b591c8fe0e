package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link TimerScheduler} on a fake clock that starts at zero. {@link #advance} runs every task
 * that falls due, in due-time order (ties in scheduling order), with the clock set to each task's
 * due time while it runs; tasks scheduled meanwhile run too if they fall due before the target.
 */
public final class FakeScheduler implements TimerScheduler {

    private final class Task implements Cancellable {
        private final Duration due;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;

        private Task(Duration due, long sequence, Runnable action) {
            this.due = due;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                queue.remove(this);
            }
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.sequence));
    private Duration now = Duration.ZERO;
    private long sequence;

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        Task task = new Task(now.plus(delay), sequence++, action);
        queue.add(task);
        return task;
    }

    /** Moves the clock forward by {@code step}, running due tasks in order. */
    public void advance(Duration step) {
        advanceTo(now.plus(step));
    }

    public void advanceTo(Duration target) {
        if (target.compareTo(now) < 0) {
            throw new IllegalArgumentException("the clock does not go back: " + target + " < " + now);
        }
        while (!queue.isEmpty() && queue.peek().due.compareTo(target) <= 0) {
            Task task = queue.poll();
            now = task.due;
            task.cancelled = true;
            task.action.run();
        }
        now = target;
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    public Duration now() {
        return now;
    }

    public long nowMillis() {
        return now.toMillis();
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public int pending() {
        return queue.size();
    }
}
