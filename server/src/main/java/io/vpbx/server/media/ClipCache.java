package io.vpbx.server.media;

import io.vpbx.media.AudioClip;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Clips by media id, bounded by the bytes their samples take: the least recently played go first when a new one
 * would not fit; a clip larger than the whole cache is not kept. Each entry remembers its account. One short lock
 * around a map: reads and writes are a few pointer moves, never I/O.
 */
final class ClipCache {

    /** A clip and the account it belongs to. */
    record Entry(String accountId, AudioClip clip) {
        long bytes() {
            return clip.samples().length * 2L;
        }
    }

    private final long capacityBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;
    private long evictions;

    ClipCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    synchronized Optional<Entry> get(String mediaId) {
        return Optional.ofNullable(entries.get(mediaId));
    }

    /** Keeps {@code entry}, evicting the least recently used until it fits; returns whether it was kept. */
    synchronized boolean put(String mediaId, Entry entry) {
        if (entry.bytes() > capacityBytes) {
            return false;
        }
        remove(mediaId);
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (usedBytes + entry.bytes() > capacityBytes && oldest.hasNext()) {
            usedBytes -= oldest.next().getValue().bytes();
            oldest.remove();
            evictions++;
        }
        entries.put(mediaId, entry);
        usedBytes += entry.bytes();
        return true;
    }

    synchronized void remove(String mediaId) {
        Entry removed = entries.remove(mediaId);
        if (removed != null) {
            usedBytes -= removed.bytes();
        }
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long evictions() {
        return evictions;
    }
}
