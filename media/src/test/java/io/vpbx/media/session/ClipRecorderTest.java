package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.media.tone.Tones;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClipRecorderTest {

    private static final short[] TONE = Arrays.copyOf(Tones.sine(440, 40), 160);

    private static short[] frame(int value) {
        short[] frame = new short[160];
        Arrays.fill(frame, (short) value);
        return frame;
    }

    @Test
    void placesFramesByTimestampAcrossTheWrapAndFillsGapsWithSilence() {
        ClipRecorder recorder = new ClipRecorder(new RecordLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), true));
        int start = -320; // wraps to 0 after two frames
        recorder.add(start, frame(1000));
        recorder.add(start + 480, frame(3000));
        assertEquals(ClipRecorder.Placed.PLACED, recorder.add(start + 160, frame(2000)));
        recorder.stop(Recording.Ended.STOPPED);
        short[] samples = recorder.recording().samples();
        assertEquals(640, samples.length);
        assertEquals(1000, samples[0]);
        assertEquals(2000, samples[160]);
        assertEquals(0, samples[320]);
        assertEquals(3000, samples[480]);
    }

    @Test
    void aFrameBehindTheReorderWindowIsLate() {
        ClipRecorder recorder = new ClipRecorder(new RecordLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), true));
        recorder.add(0, frame(1000));
        recorder.add(160 * 10, frame(1000));
        assertEquals(ClipRecorder.Placed.LATE, recorder.add(160, frame(1000)));
        assertEquals(ClipRecorder.Placed.PLACED, recorder.add(160 * 6, frame(1000)), "within 100 ms");
    }

    @Test
    void endsAtMaxLengthEvenWhenATimestampJumpsFarAhead() {
        ClipRecorder recorder = new ClipRecorder(new RecordLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), true));
        recorder.add(0, TONE);
        assertEquals(ClipRecorder.Placed.ENDED, recorder.add(Integer.MAX_VALUE, TONE));
        assertEquals(Recording.Ended.MAX_LENGTH, recorder.recording().ended());
        assertEquals(8000, recorder.recording().samples().length);
    }

    @Test
    void hashCutsWhereTheDigitBeganAndOnlyWhenAsked() {
        ClipRecorder keeps = new ClipRecorder(new RecordLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), false));
        keeps.add(0, TONE);
        assertTrue(!keeps.hash(160));
        ClipRecorder recorder = new ClipRecorder(new RecordLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), true));
        for (int i = 0; i < 10; i++) {
            recorder.add(i * 160, TONE);
        }
        assertTrue(recorder.hash(7 * 160));
        assertEquals(Recording.Ended.HASH, recorder.recording().ended());
        assertEquals(7 * 160, recorder.recording().samples().length);
    }

    @Test
    void silenceLongerThanTheLimitEndsIt() {
        ClipRecorder recorder = new ClipRecorder(new RecordLimits(Duration.ofSeconds(10), Duration.ofMillis(200), true));
        recorder.add(0, TONE);
        int ts = 160;
        while (!recorder.ended()) {
            recorder.add(ts, frame(30)); // -61 dBFS: line noise
            ts += 160;
        }
        assertEquals(Recording.Ended.SILENCE, recorder.recording().ended());
        assertEquals(160 + 1600, recorder.recording().samples().length);
    }
}
