package io.vpbx.media.session;

import io.vpbx.media.Codec;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.tone.SilenceDetector;
import java.util.Arrays;

/**
 * One recording: decoded voice frames placed by RTP timestamp relative to the first frame, so that reordered
 * packets land where they belong and lost ones leave silence. Audio within {@link #REORDER_SAMPLES} of the newest
 * frame may still change; behind that it is committed: checked for silence and length, and a frame arriving for a
 * committed place is late (dropped and counted). Pure: the session feeds it on its event loop.
 */
final class ClipRecorder {

    /** How far behind the newest frame a reordered one is still placed: 5 packets, 100 ms. */
    static final int REORDER_SAMPLES = 5 * Codec.SAMPLES_PER_PACKET;

    /** What happened to one frame. */
    enum Placed { PLACED, LATE, ENDED }

    private final int maxSamples;
    private final long silenceSamples;
    private final boolean hashEnds;
    private final SilenceDetector silence = new SilenceDetector(Codec.SAMPLES_PER_PACKET);
    private short[] buffer = new short[Codec.CLOCK_RATE * 4];
    private boolean started;
    private int origin;
    private int newest;
    private int committed;
    private Recording.Ended ended;
    private int endAt;

    ClipRecorder(RecordLimits limits) {
        this.maxSamples = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxLength().toMillis() * Codec.CLOCK_RATE / 1000);
        this.silenceSamples = Math.max(1, limits.silence().toMillis() * Codec.CLOCK_RATE / 1000);
        this.hashEnds = limits.hashEnds();
    }

    /** Places one decoded frame sent at RTP {@code timestamp}. */
    Placed add(int timestamp, short[] samples) {
        if (ended != null) {
            return Placed.ENDED;
        }
        if (!started) {
            started = true;
            origin = timestamp;
        }
        int at = timestamp - origin; // RTP timestamps wrap: the int difference is the distance
        if (at < committed) {
            return Placed.LATE;
        }
        if (at >= maxSamples) {
            commit(maxSamples);
            if (ended == null) {
                end(Recording.Ended.MAX_LENGTH, maxSamples);
            }
            return Placed.ENDED;
        }
        int length = Math.min(samples.length, maxSamples - at);
        ensureCapacity(at + length);
        System.arraycopy(samples, 0, buffer, at, length);
        newest = Math.max(newest, at + length);
        commit(Math.max(committed, newest - REORDER_SAMPLES));
        if (ended == null && newest >= maxSamples) {
            commit(maxSamples);
            if (ended == null) {
                end(Recording.Ended.MAX_LENGTH, maxSamples);
            }
        }
        return ended == null ? Placed.PLACED : Placed.ENDED;
    }

    /**
     * A telephone event started at {@code timestamp}; when it is {@code #} and the limits say so, the recording
     * ends where the tone began (what came with or after the digit is not kept).
     */
    boolean hash(int timestamp) {
        if (!hashEnds || ended != null) {
            return false;
        }
        int at = started ? timestamp - origin : 0;
        int cut = at >= 0 && at <= newest ? Math.max(at, 0) : newest;
        end(Recording.Ended.HASH, cut);
        return true;
    }

    /** Ends the recording for a reason found outside the audio (stopped, closed, wall-clock limits). */
    void stop(Recording.Ended why) {
        if (ended == null) {
            commit(newest);
            if (ended == null) {
                end(why, newest);
            }
        }
    }

    boolean ended() {
        return ended != null;
    }

    /** The recording, once ended. */
    Recording recording() {
        if (ended == null) {
            throw new IllegalStateException("still recording");
        }
        return new Recording(Arrays.copyOf(buffer, endAt), ended);
    }

    private void commit(int upTo) {
        int target = Math.min(upTo, maxSamples);
        while (committed < target && ended == null) {
            int step = Math.min(target - committed, Codec.SAMPLES_PER_PACKET);
            ensureCapacity(committed + step);
            long run = silence.feed(buffer, committed, step);
            committed += step;
            if (run >= silenceSamples) {
                end(Recording.Ended.SILENCE, committed);
            }
        }
        if (ended == null && committed >= maxSamples) {
            end(Recording.Ended.MAX_LENGTH, maxSamples);
        }
    }

    private void end(Recording.Ended why, int length) {
        ended = why;
        endAt = Math.min(length, buffer.length);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(Math.max(needed, buffer.length * 2), Math.max(needed, maxSamples)));
        }
    }
}
