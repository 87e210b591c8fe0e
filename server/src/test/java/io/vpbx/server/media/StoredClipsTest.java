package io.vpbx.server.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.media.Media;
import io.vpbx.admin.service.media.MediaAudio;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcMediaStore;
import io.vpbx.media.AudioClip;
import io.vpbx.telephony.audio.WavWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's clip cache over a real (H2) media table: loads once, serves from memory, bounded by bytes, forgets deletes. */
class StoredClipsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    /** One second of samples at 8 kHz: 16,000 bytes in the cache. */
    private static final int SECOND = 8000;

    private TestDatabases.TestDatabase db;
    private final JdbcMediaStore store = new JdbcMediaStore();
    private final AtomicInteger loads = new AtomicInteger();
    private MediaAudio library;

    @BeforeEach
    void database() {
        db = TestDatabases.h2();
        library = new MediaAudio(db.database(), store);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private StoredClips clips(long capacityBytes, StoredClips.Loader loader) {
        return new StoredClips(loader, capacityBytes, new SimpleMeterRegistry());
    }

    private StoredClips.Loader counted() {
        return (accountId, mediaId) -> {
            loads.incrementAndGet();
            return library.wav(accountId, mediaId);
        };
    }

    private short[] upload(String id, String accountId, int samples) {
        short[] audio = new short[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (short) (i * 37 + id.hashCode());
        }
        db.database().inTransaction(tx -> {
            store.create(tx, new Media(id, accountId, id, Duration.ofMillis(samples / 8), "pcm_s16", 8000, 1, T0),
                    WavWriter.mono16(audio, 8000));
            return null;
        });
        return audio;
    }

    private static Optional<AudioClip> await(CompletionStage<Optional<AudioClip>> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void loadsAClipOnceDecodedAndServesItFromMemory() {
        short[] samples = upload("m-1", "acc-1", SECOND);
        try (StoredClips clips = clips(1_000_000, counted())) {
            AudioClip first = await(clips.clip("acc-1", "m-1")).orElseThrow();
            assertArrayEquals(samples, first.samples());
            assertEquals("m-1", first.id());
            assertEquals(Duration.ofSeconds(1), first.length());
            assertSame(first, await(clips.clip("acc-1", "m-1")).orElseThrow());
            assertEquals(1, loads.get());
            assertEquals(2L * SECOND, clips.cachedBytes());
        }
    }

    @Test
    void callsAskingTogetherShareOneLoad() throws Exception {
        upload("m-1", "acc-1", SECOND);
        CountDownLatch release = new CountDownLatch(1);
        StoredClips.Loader slow = (accountId, mediaId) -> {
            loads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return library.wav(accountId, mediaId);
        };
        try (StoredClips clips = clips(1_000_000, slow)) {
            List<CompletionStage<Optional<AudioClip>>> asked = List.of(clips.clip("acc-1", "m-1"), clips.clip("acc-1", "m-1"),
                    clips.clip("acc-1", "m-1"));
            assertFalse(asked.get(0).toCompletableFuture().isDone(), "the caller is not held while the database is read");
            release.countDown();
            AudioClip clip = await(asked.get(0)).orElseThrow();
            for (CompletionStage<Optional<AudioClip>> stage : asked) {
                assertSame(clip, await(stage).orElseThrow());
            }
            assertEquals(1, loads.get());
        }
    }

    @Test
    void anotherAccountNeverGetsTheClipCachedOrNot() {
        upload("m-1", "acc-1", SECOND);
        try (StoredClips clips = clips(1_000_000, counted())) {
            assertTrue(await(clips.clip("acc-2", "m-1")).isEmpty(), "not in memory: the database answers for acc-2 only");
            assertEquals(0, clips.cachedClips());
            assertTrue(await(clips.clip("acc-1", "m-1")).isPresent());
            assertTrue(await(clips.clip("acc-2", "m-1")).isEmpty(), "in memory, but acc-1's");
            assertTrue(await(clips.clip("acc-1", "no-such-clip")).isEmpty());
        }
    }

    @Test
    void evictsTheLeastRecentlyPlayedWhenTheBytesRunOut() {
        upload("a", "acc-1", SECOND);
        upload("b", "acc-1", SECOND);
        upload("c", "acc-1", SECOND);
        upload("huge", "acc-1", 3 * SECOND);
        try (StoredClips clips = clips(2L * 2 * SECOND, counted())) { // room for two one-second clips
            await(clips.clip("acc-1", "a"));
            await(clips.clip("acc-1", "b"));
            await(clips.clip("acc-1", "a")); // a is now the most recent
            assertEquals(2, loads.get());
            await(clips.clip("acc-1", "c")); // b goes
            assertEquals(3, loads.get());
            assertEquals(2, clips.cachedClips());
            assertEquals(4L * SECOND, clips.cachedBytes());
            await(clips.clip("acc-1", "a"));
            assertEquals(3, loads.get(), "a stayed");
            await(clips.clip("acc-1", "b"));
            assertEquals(4, loads.get(), "b was evicted and is loaded again");
            assertTrue(await(clips.clip("acc-1", "huge")).isPresent(), "a clip larger than the cache still plays");
            assertEquals(5, loads.get());
            assertTrue(clips.cachedBytes() <= 4L * SECOND);
            await(clips.clip("acc-1", "huge"));
            assertEquals(6, loads.get(), "but is never kept");
        }
    }

    @Test
    void forgetsAClipWhenItsMediaIsDeleted() {
        upload("m-1", "acc-1", SECOND);
        try (StoredClips clips = clips(1_000_000, counted())) {
            assertTrue(await(clips.clip("acc-1", "m-1")).isPresent());
            clips.changed("number", "m-1");
            assertEquals(1, clips.cachedClips(), "other resources' changes do not touch clips");
            db.database().inTransaction(tx -> store.delete(tx, "acc-1", "m-1"));
            clips.changed("media", "m-1");
            assertEquals(0, clips.cachedClips());
            assertTrue(await(clips.clip("acc-1", "m-1")).isEmpty());
            assertEquals(2, loads.get());
        }
    }

    @Test
    void aLoadOvertakenByADeleteIsNotKept() throws Exception {
        upload("m-1", "acc-1", SECOND);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StoredClips.Loader slow = (accountId, mediaId) -> {
            Optional<byte[]> wav = library.wav(accountId, mediaId); // read before the delete commits
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return wav;
        };
        try (StoredClips clips = clips(1_000_000, slow)) {
            CompletionStage<Optional<AudioClip>> asked = clips.clip("acc-1", "m-1");
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            clips.changed("media", "m-1");
            release.countDown();
            await(asked);
            assertEquals(0, clips.cachedClips(), "the clip read before the delete is not kept");
        }
    }
}
