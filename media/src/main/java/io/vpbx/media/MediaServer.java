package io.vpbx.media;

import java.util.List;
import java.util.Optional;

/** Opens media sessions: one RTP/RTCP port pair per call from {@code media.rtp-ports}, on shared event loops. */
public interface MediaServer extends AutoCloseable {

    /** A session on a free port pair; empty when the range is exhausted (the SIP side answers 503). */
    Optional<MediaSession> open(String callId);

    /** The voice codecs it speaks, in preference order. */
    List<Codec> codecs();

    /** Sessions open now. */
    int activeSessions();

    @Override
    void close();
}
