package io.vpbx.media.session;

import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A recording under way: the {@link ClipRecorder} that places the audio, the stage to complete, and the limits
 * that need the wall clock (no packets at all for the silence duration; packets that keep coming slower than the
 * caller's clock claims past the maximum length). On the session's event loop only.
 */
final class RecordingInProgress {

    private static final long MAX_LENGTH_GRACE_NANOS = Duration.ofMillis(500).toNanos();

    private final ClipRecorder recorder;
    private final CompletableFuture<Recording> done;
    private final long silenceNanos;
    private final long deadline;
    private long lastVoice;

    RecordingInProgress(RecordLimits limits, CompletableFuture<Recording> done, long now) {
        this.recorder = new ClipRecorder(limits);
        this.done = done;
        this.silenceNanos = limits.silence().toNanos();
        this.deadline = now + limits.maxLength().toNanos() + MAX_LENGTH_GRACE_NANOS;
        this.lastVoice = now;
    }

    /** One decoded voice frame; true when it ended the recording. */
    ClipRecorder.Placed voice(int timestamp, short[] samples, long now) {
        lastVoice = now;
        return recorder.add(timestamp, samples);
    }

    /** A telephone event for {@code #} began; true when that ends the recording. */
    boolean hash(int timestamp) {
        return recorder.hash(timestamp);
    }

    /** Ends the recording when the wall clock says so; true when it ended. */
    boolean checkClock(long now) {
        if (now - lastVoice >= silenceNanos) {
            recorder.stop(Recording.Ended.SILENCE);
        } else if (now - deadline >= 0) {
            recorder.stop(Recording.Ended.MAX_LENGTH);
        }
        return recorder.ended();
    }

    void stop(Recording.Ended why) {
        recorder.stop(why);
    }

    boolean ended() {
        return recorder.ended();
    }

    /** Completes the stage with the recording (once it ended). */
    void complete() {
        done.complete(recorder.recording());
    }
}
