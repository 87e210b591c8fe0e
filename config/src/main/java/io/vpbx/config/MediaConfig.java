package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The media side: where RTP flows and what the media library accepts.
 *
 * @param host             interface the RTP and RTCP sockets bind to
 * @param advertisedHost   address written into SDP (c= line), where callers send their RTP; never a wildcard
 * @param rtpPortMin       first port of the RTP range (even; RTCP takes the next odd one)
 * @param rtpPortMax       last port of the RTP range
 * @param maxUploadBytes   largest WAV file accepted at upload
 * @param maxClipLength    longest clip accepted at upload, after conversion
 * @param cacheBytes       most bytes of converted audio a node keeps in memory
 */
public record MediaConfig(String host, String advertisedHost, int rtpPortMin, int rtpPortMax, long maxUploadBytes,
        Duration maxClipLength, long cacheBytes) {

    public MediaConfig {
        Objects.requireNonNull(host, "media.host");
        Objects.requireNonNull(advertisedHost, "media.advertised-host");
        Checks.requireAtLeast(rtpPortMin, 1024, "media.rtp-ports");
        if (rtpPortMax > 65535 || rtpPortMax < rtpPortMin + 1) {
            throw new IllegalArgumentException("media.rtp-ports: expected first-last within 1024-65535, at least two ports");
        }
        Checks.requirePositive(maxClipLength, "media.max-clip-length");
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("media.max-upload-size: expected at least 1024 bytes");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("media.cache-size: expected 0 or more bytes");
        }
    }

    /** How many calls the range can carry at once: one even RTP port (and its odd RTCP port) each. */
    public int sessionCapacity() {
        return (rtpPortMax - rtpPortMin + 1) / 2;
    }
}
