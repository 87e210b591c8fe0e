package io.vpbx.admin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue and thread behind the call-record and registration writers. */
class BatchingWriterTest {
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    private BatchingWriter<Integer> writer(int capacity, int batchSize, Duration linger) {
        return new BatchingWriter<>("test-writer", capacity, batchSize, linger, Duration.ofSeconds(5),
                batch -> batches.add(List.copyOf(batch)));
    }

    @Test
    void offersAreTakenInBatchesOfAtMostTheBatchSizeInOrder() {
        BatchingWriter<Integer> writer = writer(10, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 7; i++) {
            assertEquals(BatchingWriter.Offer.QUEUED, writer.offer(i));
        }
        assertEquals(7, writer.depth());
        assertEquals(7, writer.flush());
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), batches);
        assertEquals(0, writer.drainOnce());
    }

    @Test
    void aFullQueueRefusesAndAClosedWriterRefusesAfterWritingWhatWasQueued() {
        BatchingWriter<Integer> writer = writer(2, 10, Duration.ofMinutes(1));
        assertEquals(BatchingWriter.Offer.QUEUED, writer.offer(1));
        assertEquals(BatchingWriter.Offer.QUEUED, writer.offer(2));
        assertEquals(BatchingWriter.Offer.QUEUE_FULL, writer.offer(3));

        assertEquals(2, writer.close());
        assertEquals(List.of(List.of(1, 2)), batches);
        assertEquals(BatchingWriter.Offer.CLOSED, writer.offer(4));
    }

    @Test
    void theThreadTakesWhatGatheredDuringTheLingerInOneBatch() throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 100, 50, Duration.ofMillis(300), Duration.ofSeconds(5),
                batch -> {
                    batches.add(List.copyOf(batch));
                    written.countDown();
                });
        writer.start();
        for (int i = 0; i < 20; i++) {
            writer.offer(i);
        }
        assertTrue(written.await(10, TimeUnit.SECONDS));
        writer.close();
        // The offers woke nothing: the thread found all twenty when its linger ended (the machine would
        // have to stall 300 ms between two offers to split them).
        assertEquals(20, batches.get(0).size());
    }

    @Test
    void aBatchThatThrowsIsCountedAsTakenAndTheNextIsWritten() {
        List<Integer> seen = new ArrayList<>();
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 10, 1, Duration.ofMinutes(1), Duration.ofSeconds(5),
                batch -> {
                    seen.addAll(batch);
                    if (batch.get(0) == 1) {
                        throw new IllegalStateException("bad row");
                    }
                });
        writer.offer(1);
        writer.offer(2);
        assertEquals(2, writer.flush());
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void closeEndsTheThreadWithoutWaitingForTheLinger() throws InterruptedException {
        BatchingWriter<Integer> writer = writer(10, 10, Duration.ofMinutes(10));
        writer.start();
        writer.offer(1);
        long start = System.nanoTime();
        writer.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "close waited for the linger");
        assertEquals(List.of(List.of(1)), batches);
    }
}
