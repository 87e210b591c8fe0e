package io.vpbx.media.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import org.junit.jupiter.api.Test;

class TonesTest {

    @Test
    void theBeepIsOneKilohertzForFourHundredMilliseconds() {
        AudioClip beep = Tones.beep();
        assertEquals(400, beep.length().toMillis());
        assertTrue(Goertzel.share(beep.samples(), 0, beep.samples().length, 1000, 8000) > 0.95);
        assertTrue(Goertzel.share(beep.samples(), 0, beep.samples().length, 1200, 8000) < 0.01);
    }

    @Test
    void goertzelFindsTheFrequencyPresentAndNotOthers() {
        short[] tone = Tones.sine(697, 100);
        assertTrue(Goertzel.power(tone, 0, 800, 697, 8000) > 1000 * Goertzel.power(tone, 0, 800, 1209, 8000));
        assertEquals(0, Goertzel.share(new short[800], 0, 800, 697, 8000));
    }

    @Test
    void silenceIsBelowMinusFortyDbfsAndVoiceIsAbove() {
        assertTrue(SilenceDetector.isSilent(new short[160], 0, 160));
        short[] quiet = new short[160];
        java.util.Arrays.fill(quiet, (short) 300);   // -40.8 dBFS
        assertTrue(SilenceDetector.isSilent(quiet, 0, 160));
        java.util.Arrays.fill(quiet, (short) 400);   // -38.3 dBFS
        assertFalse(SilenceDetector.isSilent(quiet, 0, 160));
        assertFalse(SilenceDetector.isSilent(Tones.sine(440, 20), 0, 160));
    }

    @Test
    void theDetectorCountsTheSilentRunAcrossCalls() {
        SilenceDetector detector = new SilenceDetector(160);
        assertEquals(0, detector.feed(Tones.sine(440, 20), 0, 160));
        assertEquals(0, detector.feed(new short[100], 0, 100), "a block is not complete yet");
        assertEquals(160, detector.feed(new short[100], 0, 100));
        assertEquals(320, detector.feed(new short[120], 0, 120));
    }

    @Test
    void theRingingToneIsOneSecondOf425HertzThenFourSecondsOfSilence() {
        short[] ringback = Tones.ringback().samples();
        assertEquals(5 * 8000, ringback.length);
        assertTrue(Goertzel.share(ringback, 0, 8000, Tones.RINGBACK_HZ, 8000) > 0.9, "425 Hz for a second");
        for (int i = 8000; i < ringback.length; i++) {
            assertEquals(0, ringback[i], "then silence");
        }
    }
}
