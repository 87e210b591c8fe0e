package io.vpbx.media.session;

import io.netty.buffer.ByteBuf;
import io.vpbx.media.Codec;
import io.vpbx.telephony.audio.G711;

/**
 * PCMU to PCMA and back through linear PCM, one table lookup per sample (G.711 is one byte a sample, so a frame
 * keeps its length and is rewritten in place). The tables are built once from {@link G711}.
 */
final class G711Transcoding {

    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = G711.linearToAlaw(G711.ulawToLinear((byte) code));
            ALAW_TO_ULAW[code] = G711.linearToUlaw(G711.alawToLinear((byte) code));
        }
    }

    private G711Transcoding() {
    }

    /** Rewrites {@code length} bytes at {@code offset} from one codec to the other; nothing when they agree. */
    static void transcode(ByteBuf frame, int offset, int length, Codec from, Codec to) {
        if (from == to) {
            return;
        }
        byte[] table = from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = offset, end = offset + length; i < end; i++) {
            frame.setByte(i, table[frame.getByte(i) & 0xFF]);
        }
    }
}
