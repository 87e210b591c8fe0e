package io.vpbx.telephony.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.telephony.audio.WavFormatException.Kind;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavReaderTest {

    private static short[] converted(byte[] wav) {
        WavFile file = WavReader.read(wav);
        return new Resampler(file.sampleRate()).toOutputRate(file.mono());
    }

    private static void assertTone(short[] samples, double hz, double amplitude) {
        double measured = Goertzel.amplitude(samples, 8000, hz);
        assertTrue(Math.abs(measured - amplitude) < amplitude * 0.1, "amplitude at " + hz + " Hz: " + measured + ", expected "
                + amplitude);
    }

    @Test
    void readsStereo16BitAt44100MixingTheChannels() {
        int frames = 44_100; // one second
        byte[] wav = new TestWavs().fmt(1, 2, 44_100, 16, false)
                .data(SampleEncoding.PCM_S16, 2, frames, (f, c) -> c == 0 ? TestWavs.tone(1000, 44_100, f, 0.5)
                        : TestWavs.tone(1000, 44_100, f, 0.3)).bytes();
        WavFile file = WavReader.read(wav);
        assertEquals(SampleEncoding.PCM_S16, file.encoding());
        assertEquals(2, file.channels());
        assertEquals(44_100, file.sampleRate());
        assertEquals(Duration.ofSeconds(1), file.duration());
        short[] out = converted(wav);
        assertEquals(8000, out.length);
        assertTone(out, 1000, 0.4 * 32767);
    }

    @Test
    void reads24BitMonoAt16kHz() {
        byte[] wav = new TestWavs().fmt(1, 1, 16_000, 24, false)
                .data(SampleEncoding.PCM_S24, 1, 8_000, TestWavs.mono(f -> TestWavs.tone(440, 16_000, f, 0.8))).bytes();
        short[] out = converted(wav);
        assertEquals(4000, out.length, "half a second at 8 kHz");
        assertTone(out, 440, 0.8 * 32767);
    }

    @Test
    void readsFloatAt48kHzAndFloat64() {
        byte[] wav = new TestWavs().fmt(3, 1, 48_000, 32, false)
                .data(SampleEncoding.FLOAT32, 1, 24_000, TestWavs.mono(f -> TestWavs.tone(800, 48_000, f, 0.6))).bytes();
        short[] out = converted(wav);
        assertEquals(4000, out.length);
        assertTone(out, 800, 0.6 * 32767);

        byte[] doubles = new TestWavs().fmt(3, 1, 8_000, 64, false)
                .data(SampleEncoding.FLOAT64, 1, 8_000, TestWavs.mono(f -> TestWavs.tone(800, 8_000, f, 0.6))).bytes();
        assertTone(converted(doubles), 800, 0.6 * 32767);
    }

    @Test
    void readsMuLawAndALawAt8kHz() {
        byte[] mulaw = new TestWavs().fmt(7, 1, 8_000, 8, false)
                .data(SampleEncoding.MULAW, 1, 8_000, TestWavs.mono(f -> TestWavs.tone(1200, 8_000, f, 0.5))).bytes();
        short[] out = converted(mulaw);
        assertEquals(8000, out.length);
        assertTone(out, 1200, 0.5 * 32767);
        byte[] alaw = new TestWavs().fmt(6, 1, 8_000, 8, false)
                .data(SampleEncoding.ALAW, 1, 8_000, TestWavs.mono(f -> TestWavs.tone(1200, 8_000, f, 0.5))).bytes();
        assertTone(converted(alaw), 1200, 0.5 * 32767);
    }

    @Test
    void readsExtensibleWithEightAnd32BitPcmAndFloat() {
        byte[] pcm32 = new TestWavs().fmt(1, 2, 22_050, 32, true)
                .data(SampleEncoding.PCM_S32, 2, 22_050, (f, c) -> TestWavs.tone(600, 22_050, f, 0.5)).bytes();
        WavFile file = WavReader.read(pcm32);
        assertEquals(SampleEncoding.PCM_S32, file.encoding());
        assertTone(converted(pcm32), 600, 0.5 * 32767);
        byte[] float32 = new TestWavs().fmt(3, 6, 96_000, 32, true)
                .data(SampleEncoding.FLOAT32, 6, 96_000, (f, c) -> TestWavs.tone(600, 96_000, f, 0.5)).bytes();
        assertEquals(8000, converted(float32).length);
        assertTone(converted(float32), 600, 0.5 * 32767);
        byte[] u8 = new TestWavs().fmt(1, 1, 11_025, 8, false)
                .data(SampleEncoding.PCM_U8, 1, 11_025, TestWavs.mono(f -> TestWavs.tone(600, 11_025, f, 0.5))).bytes();
        assertTone(converted(u8), 600, 0.5 * 32767);
    }

    @Test
    void skipsUnknownChunksWithOddSizesAndTakesFmtAfterData() {
        byte[] wav = new TestWavs().chunk("LIST", new byte[] {1, 2, 3}).chunk("fact", new byte[4])
                .data(SampleEncoding.PCM_S16, 1, 801, TestWavs.mono(f -> 0.25)).chunk("junk", new byte[5])
                .fmt(1, 1, 8_000, 16, false).bytes();
        WavFile file = WavReader.read(wav);
        assertEquals(801, file.frames());
        short[] out = converted(wav);
        short[] expected = new short[801];
        Arrays.fill(expected, (short) Math.round(0.25 * 32767));
        assertArrayEquals(expected, out);
    }

    @Test
    void refusesWhatIsNoWav() {
        assertEquals(Kind.NOT_WAV, kind(new byte[0]));
        assertEquals(Kind.NOT_WAV, kind("ID3\u0004 this is an mp3".getBytes()));
        assertEquals(Kind.NOT_WAV, kind("RIFF\u0000\u0000\u0000\u0000AVI LIST".getBytes()));
    }

    @Test
    void refusesTruncatedFilesAndMissingChunks() {
        byte[] whole = new TestWavs().fmt(1, 1, 8_000, 16, false)
                .data(SampleEncoding.PCM_S16, 1, 8_000, TestWavs.mono(f -> 0.1)).bytes();
        assertEquals(Kind.TRUNCATED, kind(Arrays.copyOf(whole, whole.length - 100)));
        assertEquals(Kind.TRUNCATED, kind(Arrays.copyOf(whole, 30)), "cut inside fmt");
        assertEquals(Kind.TRUNCATED, kind(Arrays.copyOf(whole, 40)), "cut inside the data header");
        assertEquals(Kind.MISSING_CHUNK, kind(Arrays.copyOf(whole, 36)), "fmt, then nothing");
        assertEquals(Kind.MISSING_CHUNK, kind(new TestWavs().data(SampleEncoding.PCM_S16, 1, 10, TestWavs.mono(f -> 0)).bytes()));
        assertEquals(Kind.EMPTY, kind(new TestWavs().fmt(1, 1, 8_000, 16, false).chunk("data", new byte[0]).bytes()));
    }

    @Test
    void refusesUnsupportedEncodingsAndAbsurdHeaders() {
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(0x55, 1, 8_000, 16, false).chunk("data", new byte[10]).bytes()),
                "MP3 in a WAV");
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(2, 1, 8_000, 4, false).chunk("data", new byte[10]).bytes()),
                "ADPCM");
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(1, 1, 4_000, 16, false).chunk("data", new byte[10]).bytes()));
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(1, 1, 384_000, 16, false).chunk("data", new byte[10]).bytes()));
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(1, 1, 8_000, 12, false).chunk("data", new byte[10]).bytes()));
        assertEquals(Kind.UNSUPPORTED, kind(new TestWavs().fmt(1, 1000, 8_000, 16, false).chunk("data", new byte[10]).bytes()));
        assertEquals(Kind.INVALID, kind(new TestWavs().fmt(1, 0, 8_000, 16, false).chunk("data", new byte[10]).bytes()));
        byte[] lying = new TestWavs().fmt(1, 1, 8_000, 16, false).chunk("data", new byte[10]).bytes();
        lying[12 + 8 + 12] = 7; // block align
        assertEquals(Kind.INVALID, kind(lying));
        byte[] huge = new TestWavs().fmt(1, 1, 8_000, 16, false).chunk("data", new byte[10]).bytes();
        huge[40] = huge[41] = huge[42] = huge[43] = (byte) 0xFF; // the data chunk claims 4 GiB
        assertEquals(Kind.TRUNCATED, kind(huge));
        byte[] hugeOther = new TestWavs().chunk("LIST", new byte[2]).fmt(1, 1, 8_000, 16, false).bytes();
        hugeOther[16] = hugeOther[17] = hugeOther[18] = hugeOther[19] = (byte) 0xFF;
        assertEquals(Kind.TRUNCATED, kind(hugeOther), "an unknown chunk claiming 4 GiB ends the walk");
    }

    private static Kind kind(byte[] file) {
        return assertThrows(WavFormatException.class, () -> WavReader.read(file)).kind();
    }
}
