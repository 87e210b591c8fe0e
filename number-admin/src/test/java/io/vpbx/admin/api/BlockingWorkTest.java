package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingWorkTest {
    private final Vertx vertx = Vertx.vertx();
    private final BlockingWork blocking = new BlockingWork();

    @AfterEach
    void close() {
        blocking.close();
        vertx.close().await();
    }

    @Test
    void runsOnAVirtualThreadAndAnswersOnTheCallersEventLoop() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<String> seen = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Thread loop = Thread.currentThread();
            blocking.run(() -> Thread.currentThread().isVirtual() ? "virtual" : "platform")
                    .onSuccess(where -> seen.complete(where + (Thread.currentThread() == loop ? " then loop" : " then elsewhere")))
                    .onFailure(seen::completeExceptionally);
        });
        assertEquals("virtual then loop", seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void failsWithWhatTheWorkThrew() throws Exception {
        IllegalStateException thrown = new IllegalStateException("no");
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        vertx.runOnContext(ignored -> blocking.run(() -> {
            throw thrown;
        }).onComplete(result -> seen.complete(result.cause())));
        assertSame(thrown, seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void refusesWorkOnceClosed() {
        blocking.close();
        assertTrue(blocking.run(() -> "late").failed());
    }

    @Test
    void aBurstWaitsAtMostThePoolsTimeoutThenAnswers503(@TempDir Path dir) throws Exception {
        // both connections held: the next piece of work waits in the pool, then fails as storage being unavailable
        try (Database database = Database.open(JdbcSettings.embedded(Files.createDirectories(dir), 2));
             Connection first = database.dataSource().getConnection();
             Connection second = database.dataSource().getConnection()) {
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            vertx.runOnContext(ignored -> blocking.run(() -> database.inTransaction(tx -> 1))
                    .onComplete(result -> seen.complete(result.cause())));
            Throwable failure = seen.get(15, TimeUnit.SECONDS);
            assertInstanceOf(StorageException.class, failure);
            assertInstanceOf(SQLTransientConnectionException.class, failure.getCause());
            assertEquals(503, new ProblemMapper().toProblem(failure, 500, "/v1/numbers", "r-1").status());
        }
    }
}
