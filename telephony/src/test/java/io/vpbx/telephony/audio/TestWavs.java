package io.vpbx.telephony.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntToDoubleFunction;

/** Builds WAV files in any layout the reader must accept, from a signal given per frame and channel. */
final class TestWavs {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

    static double tone(double hz, int rate, int frame, double amplitude) {
        return amplitude * Math.sin(2 * Math.PI * hz * frame / rate);
    }

    /** fmt chunk; {@code extensible} wraps the tag in WAVE_FORMAT_EXTENSIBLE. */
    TestWavs fmt(int tag, int channels, int rate, int bits, boolean extensible) {
        int bytes = bits / 8;
        ByteBuffer fmt = le(extensible ? 40 : 16);
        fmt.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels).putInt(rate).putInt(rate * channels * bytes)
                .putShort((short) (channels * bytes)).putShort((short) bits);
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4).putShort((short) tag)
                    .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
                            (byte) 0x9B, 0x71});
        }
        return chunk("fmt ", fmt.array());
    }

    TestWavs chunk(String id, byte[] body) {
        ByteBuffer header = le(8);
        header.put(id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(body.length);
        chunks.writeBytes(header.array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1) {
            chunks.write(0);
        }
        return this;
    }

    /** A data chunk of {@code frames} frames; {@code signal} gives channel c's sample of a frame in -1..1. */
    TestWavs data(SampleEncoding encoding, int channels, int frames, Signal signal) {
        ByteBuffer data = le(frames * channels * encoding.bytes());
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double s = signal.at(f, c);
                switch (encoding) {
                    case PCM_U8 -> data.put((byte) (Math.round(s * 127) + 128));
                    case PCM_S16 -> data.putShort((short) Math.round(s * 32767));
                    case PCM_S24 -> {
                        int v = (int) Math.round(s * 8388607);
                        data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                    case PCM_S32 -> data.putInt((int) Math.round(s * 2147483647.0));
                    case FLOAT32 -> data.putFloat((float) s);
                    case FLOAT64 -> data.putDouble(s);
                    case ALAW -> data.put(G711.linearToAlaw((short) Math.round(s * 32767)));
                    case MULAW -> data.put(G711.linearToUlaw((short) Math.round(s * 32767)));
                }
            }
        }
        return chunk("data", data.array());
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer out = le(12 + body.length);
        out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(4 + body.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(body);
        return out.array();
    }

    @FunctionalInterface
    interface Signal {
        double at(int frame, int channel);
    }

    static Signal mono(IntToDoubleFunction f) {
        return (frame, channel) -> f.applyAsDouble(frame);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
