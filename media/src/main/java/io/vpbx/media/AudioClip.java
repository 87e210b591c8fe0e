package io.vpbx.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Audio ready to play: 8 kHz mono 16-bit linear samples (what the media library stores after converting an
 * upload). Encoded to the call's codec when played.
 *
 * @param id      the media id (or a built-in name such as "beep") for logs and metrics
 * @param samples signed 16-bit samples at {@link Codec#CLOCK_RATE}; not copied, never modified
 */
public record AudioClip(String id, short[] samples) {

    public AudioClip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(samples, "samples");
    }

    public Duration length() {
        return Duration.ofMillis(samples.length * 1000L / Codec.CLOCK_RATE);
    }
}
