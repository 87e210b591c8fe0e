package io.vpbx.media.tone;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;

/**
 * The sounds vpbx has without any upload: the beep before a voicemail recording, the default voicemail
 * greeting (used when an account set none): three rising tones, a pause, the same again, about 2 seconds, the
 * way answering machines have long said "speak after the tone", and the ringing tone a caller hears while a
 * scenario forwards. Every tone fades in and out over 5 ms, so no
 * clicks. The clips are built once per call of these methods; the caller keeps them.
 */
public final class Tones {

    /** 1 kHz for 400 ms at -10 dBFS. */
    public static final double BEEP_HZ = 1000;
    /** The ringing tone's frequency (ITU-T E.180, as in Europe and Russia). */
    public static final double RINGBACK_HZ = 425;
    /** The greeting's tones, in order, each played twice. */
    public static final double[] GREETING_HZ = {660, 880, 1100};

    private static final int RATE = Codec.CLOCK_RATE;
    private static final double LEVEL = 32768 * Math.pow(10, -10 / 20.0);
    private static final int FADE = RATE * 5 / 1000;

    private Tones() {
    }

    public static AudioClip beep() {
        return new AudioClip("beep", sine(BEEP_HZ, 400));
    }

    /** 660, 880, 1100 Hz (250 ms each, 50 ms apart), 350 ms pause, again: 2.05 s. */
    public static AudioClip greeting() {
        short[] samples = new short[millis(2050)];
        int at = 0;
        for (int round = 0; round < 2; round++) {
            for (double frequency : GREETING_HZ) {
                short[] tone = sine(frequency, 250);
                System.arraycopy(tone, 0, samples, at, tone.length);
                at += tone.length + millis(50);
            }
            at += millis(350) - millis(50);
        }
        return new AudioClip("greeting", samples);
    }

    /** One cadence of the ringing tone: 425 Hz for 1 s, then 4 s of silence (5 s; play it repeatedly). */
    public static AudioClip ringback() {
        short[] samples = new short[millis(5000)];
        short[] tone = sine(RINGBACK_HZ, 1000);
        System.arraycopy(tone, 0, samples, 0, tone.length);
        return new AudioClip("ringback", samples);
    }

    /** A sine tone at -10 dBFS with 5 ms fades. */
    public static short[] sine(double frequency, int lengthMillis) {
        short[] samples = new short[millis(lengthMillis)];
        for (int i = 0; i < samples.length; i++) {
            double fade = Math.min(1, Math.min(i, samples.length - 1 - i) / (double) FADE);
            samples[i] = (short) Math.round(LEVEL * fade * Math.sin(2 * Math.PI * frequency * i / RATE));
        }
        return samples;
    }

    private static int millis(int millis) {
        return RATE * millis / 1000;
    }
}
