package io.vpbx.sip.overload;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the SIP event loop and feeds the {@link OverloadGovernor}: run by the loop itself every tick (with a
 * fixed delay), it notes how late each run comes (the loop's lag: work queued ahead of it), and every
 * {@code ticksPerSample} ticks hands the governor the smallest lag of those ticks (a lag that lasted the whole
 * sample, not one pause of the collector or of a starved CPU), the emptiest the UDP socket's kernel receive queue
 * was at those ticks (a backlog that never drained, not the burst a peer sent at once) and the share of the
 * transaction table in use. Logs every change of state, so
 * that an operator sees when and why calls were shed. Runs on the SIP event loop only.
 */
public final class LoadMonitor implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LoadMonitor.class);

    private final OverloadGovernor governor;
    private final OverloadMetrics metrics;
    private final LongSupplier nanoTime;
    private final long interval;
    private final IntSupplier queuePercent;
    private final IntSupplier transactionsPercent;
    private final int ticksPerSample;
    private long lastRun;
    private int ticks;
    private long smallestLag = Long.MAX_VALUE;
    private int emptiestQueue = Integer.MAX_VALUE;

    /**
     * @param tick the delay the loop runs this task with
     * @param queuePercent how full the UDP receive queue is now (0..100)
     */
    public LoadMonitor(OverloadGovernor governor, OverloadMetrics metrics, LongSupplier nanoTime, Duration tick,
                       int ticksPerSample, IntSupplier queuePercent, IntSupplier transactionsPercent) {
        this.governor = governor;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.interval = tick.toNanos();
        this.ticksPerSample = ticksPerSample;
        this.queuePercent = queuePercent;
        this.transactionsPercent = transactionsPercent;
        this.lastRun = nanoTime.getAsLong();
    }

    @Override
    public void run() {
        long now = nanoTime.getAsLong();
        long lag = Math.max(0, now - lastRun - interval);
        lastRun = now;
        smallestLag = Math.min(smallestLag, lag);
        // Only the sample's emptiest tick counts, and nothing is below empty: once a tick found the queue empty the
        // other ticks of the sample skip reading it (on Linux two /proc files, a dozen system calls and 40 KB of
        // garbage every 10 ms on the SIP event loop)
        if (emptiestQueue > 0) {
            emptiestQueue = Math.min(emptiestQueue, queuePercent.getAsInt());
        }
        if (++ticks < ticksPerSample) {
            return;
        }
        lag = smallestLag;
        int queue = emptiestQueue;
        ticks = 0;
        smallestLag = Long.MAX_VALUE;
        emptiestQueue = Integer.MAX_VALUE;
        metrics.lag(lag);
        LoadSample sample = new LoadSample(lag, queue, transactionsPercent.getAsInt());
        OverloadState before = governor.state();
        OverloadState after = governor.sample(sample);
        if (after != before) {
            log.info("SIP overload control: {} -> {} (loop lag {} ms, receive queue {}% full, transactions {}%, "
                            + "admitting {}% of new calls)", before, after, lag / 1_000_000, sample.queuePercent(),
                    sample.transactionsPercent(), Math.round(governor.admittedShare() * 100));
        }
    }
}
