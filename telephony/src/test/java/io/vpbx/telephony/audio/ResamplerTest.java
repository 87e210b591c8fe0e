package io.vpbx.telephony.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static float[] tone(double hz, int rate, int frames, double amplitude) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = (float) TestWavs.tone(hz, rate, i, amplitude);
        }
        return out;
    }

    /** The middle of the output, away from the edges where the filter sees silence beyond the signal. */
    private static short[] middle(short[] samples) {
        return Arrays.copyOfRange(samples, 400, samples.length - 400);
    }

    @Test
    void aToneAt3500HzSurvivesFrom48kHz() {
        short[] out = new Resampler(48_000).toOutputRate(tone(3500, 48_000, 48_000, 0.5));
        assertEquals(8000, out.length);
        double amplitude = Goertzel.amplitude(middle(out), 8000, 3500);
        assertTrue(amplitude > 0.5 * 32767 * 0.8, "3.5 kHz kept within 2 dB: " + amplitude);
    }

    @Test
    void aToneAt6kHzIsRemovedInsteadOfAliasingTo2kHz() {
        short[] out = new Resampler(48_000).toOutputRate(tone(6000, 48_000, 48_000, 0.5));
        double alias = Goertzel.amplitude(middle(out), 8000, 2000);
        double input = 0.5 * 32767;
        assertTrue(20 * Math.log10(alias / input) < -50, "6 kHz attenuated by over 50 dB, alias at 2 kHz: " + alias);
        double peak = 0;
        for (short s : middle(out)) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak < input * 0.01, "almost silence: peak " + peak);
    }

    @Test
    void fractionalRatiosKeepLengthAndPitch() {
        short[] out = new Resampler(44_100).toOutputRate(tone(1000, 44_100, 44_100 * 2, 0.5));
        assertEquals(16_000, out.length);
        assertTrue(Goertzel.amplitude(middle(out), 8000, 1000) > 0.5 * 32767 * 0.9);
        assertTrue(Goertzel.amplitude(middle(out), 8000, 1100) < 0.5 * 32767 * 0.05, "no energy next to the tone");
    }

    @Test
    void at8kHzTheSamplesPassUnchanged() {
        float[] in = {0f, 0.5f, -0.5f, 1f, -1f};
        short[] out = new Resampler(8000).toOutputRate(in);
        assertEquals(5, out.length);
        assertEquals(16384, out[1], 1);
        assertEquals(Short.MAX_VALUE, out[3]);
        assertEquals(-Short.MAX_VALUE, out[4]);
    }
}
