package io.vpbx.admin.domain.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clip in an account's media library, as listed: its audio (8 kHz mono 16-bit WAV) is read separately.
 *
 * @param originalFormat   the uploaded file's sample encoding ("pcm_s16", "float32", "mulaw", ...)
 * @param originalRate     its sample rate in Hz
 * @param originalChannels its channel count, mixed to one
 */
public record Media(String id, String accountId, String name, Duration duration, String originalFormat, int originalRate,
                    int originalChannels, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(originalFormat, "originalFormat");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
