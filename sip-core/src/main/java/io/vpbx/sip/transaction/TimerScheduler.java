package io.vpbx.sip.transaction;

import java.time.Duration;

/**
 * Schedules transaction timers. In production this wraps the owning Netty event loop
 * ({@code eventLoop.schedule(task, nanos, NANOSECONDS)}), so tasks run on the same thread as
 * message handling; tests drive a fake clock.
 */
public interface TimerScheduler {

    /** Runs {@code task} once after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);
}
