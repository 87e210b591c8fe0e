package io.vpbx.server.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.media.AudioClip;
import io.vpbx.media.ClipSource;
import io.vpbx.telephony.audio.Resampler;
import io.vpbx.telephony.audio.SampleEncoding;
import io.vpbx.telephony.audio.WavFile;
import io.vpbx.telephony.audio.WavReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's clips of the accounts' media libraries for calls to play ({@link ClipSource}): decoded once from the
 * stored WAV to samples, kept in a cache bounded by {@code media.cache-size} (least recently played out first).
 * A clip not in memory is loaded on a virtual thread of its own, never on the caller's event loop; callers asking
 * for the same clip meanwhile share that load. A clip of another account is answered as absent. Told of a change
 * to media (a delete, here or through another node's audit log), the clip is dropped, and a load under way then
 * is not kept.
 */
public final class StoredClips implements ClipSource, ChangeListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoredClips.class);
    /** The resource type media changes are audited under. */
    public static final String RESOURCE_TYPE = "media";

    /** Reads a converted clip as its WAV file from the database, scoped to the account (blocking). */
    @FunctionalInterface
    public interface Loader {
        Optional<byte[]> wav(String accountId, String mediaId);
    }

    private record Key(String accountId, String mediaId) {
    }

    private final Loader loader;
    private final ClipCache cache;
    /** Loads under way, by account and media: one account's request never decides what another's gets. */
    private final ConcurrentMap<Key, CompletableFuture<Optional<ClipCache.Entry>>> loading = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vpbx-clips-", 0).factory());
    private final Counter hits;
    private final Counter misses;
    private final Counter failures;

    public StoredClips(Loader loader, long capacityBytes, MeterRegistry registry) {
        this.loader = loader;
        this.cache = new ClipCache(capacityBytes);
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        this.failures = lookups(registry, "failed");
        Gauge.builder("vpbx.media.clip.cache.bytes", cache, ClipCache::usedBytes)
                .description("bytes of samples of the clips this node keeps in memory").register(registry);
        FunctionCounter.builder("vpbx.media.clip.cache.evictions", cache, ClipCache::evictions)
                .description("clips dropped to make room for another").register(registry);
    }

    private static Counter lookups(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.media.clip.lookups").description("clips asked for by calls, by where they came from")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public CompletionStage<Optional<AudioClip>> clip(String accountId, String mediaId) {
        Optional<ClipCache.Entry> cached = cache.get(mediaId);
        if (cached.isPresent()) {
            hits.increment();
            return CompletableFuture.completedFuture(ownedBy(cached, accountId));
        }
        misses.increment();
        CompletableFuture<Optional<ClipCache.Entry>> load = loading.computeIfAbsent(new Key(accountId, mediaId), this::start);
        return load.thenApply(entry -> ownedBy(entry, accountId));
    }

    private CompletableFuture<Optional<ClipCache.Entry>> start(Key key) {
        CompletableFuture<Optional<ClipCache.Entry>> load = new CompletableFuture<>();
        try {
            threads.execute(() -> load(key, load));
        } catch (RejectedExecutionException e) {
            load.completeExceptionally(new IllegalStateException("shutting down: no clip is loaded", e));
        }
        return load;
    }

    private void load(Key key, CompletableFuture<Optional<ClipCache.Entry>> load) {
        try {
            Optional<ClipCache.Entry> entry = loader.wav(key.accountId(), key.mediaId())
                    .map(wav -> new ClipCache.Entry(key.accountId(), new AudioClip(key.mediaId(), samples(wav))));
            // kept only if no change to the media came while loading (changed() removed this load from the map)
            if (loading.remove(key, load)) {
                entry.ifPresent(e -> cache.put(key.mediaId(), e));
            }
            load.complete(entry);
        } catch (RuntimeException e) {
            loading.remove(key, load);
            failures.increment();
            log.warn("media {} of account {} could not be loaded", key.mediaId(), key.accountId(), e);
            load.completeExceptionally(e);
        }
    }

    private static Optional<AudioClip> ownedBy(Optional<ClipCache.Entry> entry, String accountId) {
        return entry.filter(e -> e.accountId().equals(accountId)).map(ClipCache.Entry::clip);
    }

    /** The stored WAV's samples: 8 kHz mono 16-bit as the library writes it, else converted as an upload is. */
    static short[] samples(byte[] wav) {
        WavFile file = WavReader.read(wav);
        if (file.encoding() != SampleEncoding.PCM_S16 || file.channels() != 1 || file.sampleRate() != Resampler.OUTPUT_RATE) {
            return new Resampler(file.sampleRate()).toOutputRate(file.mono());
        }
        short[] samples = new short[file.frames()];
        ByteBuffer.wrap(wav, file.dataOffset(), file.frames() * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** Drops a clip whose media changed (deleted), so that the next call loads it again or finds it gone. */
    @Override
    public void changed(String resourceType, String resourceId) {
        if (RESOURCE_TYPE.equals(resourceType)) {
            loading.keySet().removeIf(key -> key.mediaId().equals(resourceId));
            cache.remove(resourceId);
        }
    }

    /** How many clips are in memory, and their bytes: for tests and the gauge. */
    int cachedClips() {
        return cache.size();
    }

    long cachedBytes() {
        return cache.usedBytes();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
