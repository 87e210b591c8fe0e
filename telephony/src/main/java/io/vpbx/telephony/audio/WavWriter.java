package io.vpbx.telephony.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes 16-bit linear PCM as a canonical RIFF/WAVE file (44-byte header, one "data" chunk). */
public final class WavWriter {

    private WavWriter() {
    }

    /** A mono WAV file of the samples at the given rate (8000 for everything vpbx stores). */
    public static byte[] mono16(short[] samples, int sampleRate) {
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        out.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        out.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }
}
