package io.vpbx.media.session;

/**
 * Maps the timestamps of a stream vpbx relays onto the stream it sends (RFC 3550 section 7.2: a translator that
 * changes SSRC keeps its own timeline). The first packet of a source (or of a new SSRC) is anchored at the sending
 * leg's own "now"; later ones keep their distance from it, so silence suppression and telephone-event timestamps
 * stay as the source meant them. Pure.
 */
final class TimestampMapping {

    private boolean anchored;
    private int sourceSsrc;
    private int offset;
    private boolean restarted;

    /** The timestamp to send for a source packet; {@code ownNow} is the sending stream's timestamp at this slot. */
    int map(int ssrc, int sourceTimestamp, int ownNow) {
        restarted = !anchored || ssrc != sourceSsrc;
        if (restarted) {
            anchored = true;
            sourceSsrc = ssrc;
            offset = ownNow - sourceTimestamp;
        }
        return sourceTimestamp + offset;
    }

    /** Whether the last {@link #map} started a new source (its packet gets the marker: a new talkspurt). */
    boolean restarted() {
        return restarted;
    }

    /** Forgets the source (a new bridge anchors afresh). */
    void reset() {
        anchored = false;
    }
}
