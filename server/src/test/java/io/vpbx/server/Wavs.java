package io.vpbx.server;

import io.vpbx.telephony.audio.WavFile;
import io.vpbx.telephony.audio.WavReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** WAV files made in the test (a tone as a user would record it) and what the media library answers, read back. */
final class Wavs {
    private Wavs() {
    }

    /** A {@code hz} tone at half scale on every channel, 16-bit PCM. */
    static byte[] tone(int rate, int channels, double seconds, double hz) {
        int frames = (int) Math.round(rate * seconds);
        ByteBuffer data = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            short sample = (short) Math.round(16_000 * Math.sin(2 * Math.PI * hz * f / rate));
            for (int c = 0; c < channels; c++) {
                data.putShort(sample);
            }
        }
        return file(1, channels, rate, 16, data.array());
    }

    /** A RIFF/WAVE file of one fmt and one data chunk; any format tag, for files the library must refuse. */
    static byte[] file(int formatTag, int channels, int rate, int bits, byte[] data) {
        int block = channels * Math.max(1, bits / 8);
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(rate)
                .putInt(rate * block).putShort((short) block).putShort((short) bits);
        out.put("data".getBytes()).putInt(data.length).put(data);
        return out.array();
    }

    /** The samples of a mono 16-bit WAV file. */
    static short[] samples(byte[] wav) {
        WavFile file = WavReader.read(wav);
        short[] samples = new short[file.frames()];
        ByteBuffer.wrap(wav, file.dataOffset(), file.frames() * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** Amplitude of {@code hz} in the samples (Goertzel), in sample units. */
    static double amplitude(short[] samples, int rate, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (short sample : samples) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / samples.length;
    }
}
