package io.vpbx.telephony.audio;

/** The amplitude of one frequency in a block of samples (Goertzel's algorithm), for checking what a conversion kept. */
final class Goertzel {
    private Goertzel() {
    }

    /** Amplitude (in sample units) of {@code hz} over the samples. */
    static double amplitude(short[] samples, int rate, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (short sample : samples) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / samples.length;
    }
}
