package io.vpbx.media.tone;

/**
 * The Goertzel algorithm: the power of one frequency in a block of samples, far cheaper than an FFT when only a
 * few frequencies matter (tone detection, DTMF, checking what a caller hears in tests).
 */
public final class Goertzel {

    private Goertzel() {
    }

    /** The power at {@code frequency} Hz in {@code length} samples from {@code offset}, at {@code sampleRate}. */
    public static double power(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = offset; i < offset + length; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /**
     * The share of the block's energy that lies at {@code frequency} (near 1 for a pure tone at that frequency,
     * near 0 for other tones and silence): Goertzel power normalised by {@code length/2 * sum of squares}.
     */
    public static double share(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double energy = 0;
        for (int i = offset; i < offset + length; i++) {
            energy += (double) samples[i] * samples[i];
        }
        if (energy == 0) {
            return 0;
        }
        return power(samples, offset, length, frequency, sampleRate) / (energy * length / 2);
    }
}
