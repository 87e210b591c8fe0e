package io.vpbx.telephony.audio;

import java.util.Locale;

/** How one sample of one channel is stored in a WAV file's data chunk, all little-endian. */
public enum SampleEncoding {
    PCM_U8(1),
    PCM_S16(2),
    PCM_S24(3),
    PCM_S32(4),
    FLOAT32(4),
    FLOAT64(8),
    ALAW(1),
    MULAW(1);

    private final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The name the media library shows and stores ("pcm_s16", "mulaw"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sample at {@code offset}, scaled to -1..1 (non-finite floats as silence). */
    double read(byte[] data, int offset) {
        return switch (this) {
            case PCM_U8 -> ((data[offset] & 0xFF) - 128) / 128.0;
            case PCM_S16 -> (short) ((data[offset] & 0xFF) | data[offset + 1] << 8) / 32768.0;
            case PCM_S24 -> ((data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | data[offset + 2] << 16) / 8388608.0;
            case PCM_S32 -> int32(data, offset) / 2147483648.0;
            case FLOAT32 -> finite(Float.intBitsToFloat(int32(data, offset)));
            case FLOAT64 -> finite(Double.longBitsToDouble((int32(data, offset) & 0xFFFFFFFFL) | (long) int32(data, offset + 4) << 32));
            case ALAW -> G711.alawToLinear(data[offset]) / 32768.0;
            case MULAW -> G711.ulawToLinear(data[offset]) / 32768.0;
        };
    }

    private static int int32(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16 | data[offset + 3] << 24;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? Math.max(-1.0, Math.min(1.0, value)) : 0.0;
    }
}
