package io.vpbx.admin.service.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.UnsupportedMediaTypeException;
import io.vpbx.telephony.audio.SampleEncoding;
import io.vpbx.telephony.audio.WavFile;
import io.vpbx.telephony.audio.WavReader;
import io.vpbx.telephony.audio.WavWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AudioConversionTest {
    private final AudioConversion conversion = new AudioConversion(Duration.ofSeconds(3));

    private static byte[] stereo(int rate, double seconds) {
        int frames = (int) (rate * seconds);
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            short s = (short) (10_000 * Math.sin(2 * Math.PI * 440 * f / rate));
            data.putShort(s).putShort(s);
        }
        ByteBuffer out = ByteBuffer.allocate(44 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + data.capacity()).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes()).putInt(data.capacity()).put(data.array());
        return out.array();
    }

    @Test
    void convertsToAn8kHzMonoWavAndTellsWhatTheOriginalWas() {
        AudioConversion.Converted converted = conversion.convert("file", stereo(22_050, 2.0));
        WavFile wav = WavReader.read(converted.wav());
        assertEquals(8000, wav.sampleRate());
        assertEquals(1, wav.channels());
        assertEquals(SampleEncoding.PCM_S16, wav.encoding());
        assertEquals(16_000, wav.frames());
        assertEquals(Duration.ofSeconds(2), converted.duration());
        assertEquals("pcm_s16", converted.originalFormat());
        assertEquals(22_050, converted.originalRate());
        assertEquals(2, converted.originalChannels());
    }

    @Test
    void refusesWhatIsNoWavAsUnsupportedAndBrokenOrLongWavAsInvalid() {
        UnsupportedMediaTypeException notWav = assertThrows(UnsupportedMediaTypeException.class,
                () -> conversion.convert("file", "GIF89a....".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("file", notWav.field());
        assertEquals("file", assertThrows(InvalidFieldException.class, () -> conversion.convert("file", new byte[0])).field());
        byte[] whole = stereo(8000, 1.0);
        assertEquals("file", assertThrows(InvalidFieldException.class,
                () -> conversion.convert("file", java.util.Arrays.copyOf(whole, 1000))).field());
        InvalidFieldException tooLong = assertThrows(InvalidFieldException.class,
                () -> conversion.convert("file", WavWriter.mono16(new short[8000 * 4], 8000)));
        assertTrue(tooLong.getMessage().contains("4.0 s") && tooLong.getMessage().contains("3.0 s"), tooLong.getMessage());
    }
}
