package io.vpbx.media.session;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import java.util.concurrent.CompletableFuture;

/**
 * One play request: a clip, encoded for the call's codec, {@code times} times in a row, frame by frame. Pure
 * position keeping; the session sends what {@link #nextFrame()} points at.
 */
final class Playback {

    private final AudioClip clip;
    private final CompletableFuture<Boolean> done;
    private byte[] encoded;
    private Codec codec;
    private int roundsLeft;
    private int offset;

    Playback(AudioClip clip, Codec codec, byte[] encoded, int times, CompletableFuture<Boolean> done) {
        this.clip = clip;
        this.codec = codec;
        this.encoded = encoded;
        this.roundsLeft = times;
        this.done = done;
    }

    /** Re-encodes for another codec (a re-INVITE changed it); the position is kept. */
    void switchCodec(Codec newCodec, EncodedClips clips) {
        if (newCodec != codec) {
            codec = newCodec;
            encoded = clips.encoded(clip, newCodec);
        }
    }

    /** Whether a frame is left; when true, {@link #encoded()} from {@link #frameOffset()} is the next frame. */
    boolean hasFrame() {
        while (roundsLeft > 0 && offset >= encoded.length) {
            roundsLeft--;
            offset = 0;
        }
        return roundsLeft > 0;
    }

    int frameOffset() {
        return offset;
    }

    byte[] encoded() {
        return encoded;
    }

    void advance() {
        offset += Codec.SAMPLES_PER_PACKET;
    }

    Codec codec() {
        return codec;
    }

    /** Completes the request: true when played to the end, false when stopped, replaced or closed. */
    void finish(boolean toTheEnd) {
        done.complete(toTheEnd);
    }
}
