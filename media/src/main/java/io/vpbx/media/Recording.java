package io.vpbx.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What was recorded: 8 kHz mono 16-bit samples in arrival order, gaps (lost packets) filled with silence so that
 * the recording's length is the wall-clock length of what the caller said.
 *
 * @param samples signed 16-bit samples at {@link Codec#CLOCK_RATE}
 * @param ended   why recording stopped
 */
public record Recording(short[] samples, Ended ended) {

    public enum Ended { HASH, MAX_LENGTH, SILENCE, STOPPED }

    public Recording {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(ended, "ended");
    }

    public Duration length() {
        return Duration.ofMillis(samples.length * 1000L / Codec.CLOCK_RATE);
    }
}
