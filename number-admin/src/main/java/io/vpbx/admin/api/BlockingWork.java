package io.vpbx.admin.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs the admin side's blocking work (JDBC above all) off the event loop, each piece on a virtual thread of its
 * own, and completes the returned future on the Vert.x context that asked, so its callbacks run on that event
 * loop as they did with {@code executeBlocking}. Nothing is queued here: how many statements run at once is bounded
 * by the connection pool, and a virtual thread that finds no free connection waits there at most the pool's
 * connection timeout, then fails with a {@code StorageException} that the API answers 503.
 * One per process, made by the composition root and closed at shutdown (docs/adr/0016-java-25.md).
 */
public final class BlockingWork implements AutoCloseable {
    /** How long shutdown waits for work under way (statements end within the pool's timeouts) before interrupting it. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final ExecutorService threads;

    public BlockingWork() {
        this(Thread.ofVirtual().name("vpbx-blocking-", 0).factory());
    }

    BlockingWork(ThreadFactory threads) {
        this.threads = Executors.newThreadPerTaskExecutor(threads);
    }

    /**
     * Runs {@code work} on a virtual thread; the future completes on the calling Vert.x context (or, called from
     * outside Vert.x, on the virtual thread). It fails with what {@code work} threw, or when this is closed.
     */
    public <T> Future<T> run(Callable<T> work) {
        Context caller = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        try {
            threads.execute(() -> settle(promise, caller, work));
        } catch (RejectedExecutionException e) {
            promise.fail(new IllegalStateException("shutting down: no new work is started", e));
        }
        return promise.future();
    }

    private static <T> void settle(Promise<T> promise, Context caller, Callable<T> work) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) { // as executeBlocking did: whatever the work throws fails its future
            onCaller(caller, () -> promise.fail(failure));
            return;
        }
        onCaller(caller, () -> promise.complete(result));
    }

    private static void onCaller(Context caller, Runnable step) {
        if (caller == null) {
            step.run();
        } else {
            caller.runOnContext(ignored -> step.run());
        }
    }

    /** Refuses new work and waits a while for the work under way, which needs the database still open. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
