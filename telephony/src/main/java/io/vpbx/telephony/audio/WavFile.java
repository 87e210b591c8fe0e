package io.vpbx.telephony.audio;

import java.time.Duration;

/**
 * A WAV file read by {@link WavReader}: its format and where its samples are, not yet decoded, so that a caller
 * can refuse a file by its length before spending memory on it.
 *
 * @param encoding   how each sample is stored
 * @param sampleRate frames per second
 * @param channels   samples per frame, mixed to one by {@link #mono}
 * @param frames     whole frames in the data chunk
 */
public record WavFile(SampleEncoding encoding, int sampleRate, int channels, int frames, byte[] bytes, int dataOffset) {

    public Duration duration() {
        return Duration.ofMillis(frames * 1000L / sampleRate);
    }

    /** Every frame's channels averaged, scaled to -1..1. */
    public float[] mono() {
        float[] out = new float[frames];
        int width = encoding.bytes();
        int offset = dataOffset;
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += encoding.read(bytes, offset);
                offset += width;
            }
            out[frame] = (float) (sum / channels);
        }
        return out;
    }
}
