package io.vpbx.media;

import java.time.Duration;
import java.util.Objects;

/**
 * When a recording ends by itself.
 *
 * @param maxLength   the recording stops at this length
 * @param silence     this long below the voice threshold stops it
 * @param hashEnds    whether the caller's {@code #} (RFC 4733) stops it; the digit is not in the recording
 */
public record RecordLimits(Duration maxLength, Duration silence, boolean hashEnds) {

    public RecordLimits {
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(silence, "silence");
    }
}
