package io.vpbx.telephony.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void everyCodeDecodesAndEncodesBackToItself() {
        for (int code = 0; code < 256; code++) {
            byte u = (byte) code;
            // 0x7F and 0xFF are both zero in mu-law; the encoder picks the positive one
            if (code != 0x7F) {
                assertEquals(u, G711.linearToUlaw(G711.ulawToLinear(u)), "mu-law code " + code);
            }
            byte a = (byte) code;
            assertEquals(a, G711.linearToAlaw(G711.alawToLinear(a)), "A-law code " + code);
        }
    }

    @Test
    void knownValuesFromTheStandard() {
        assertEquals((byte) 0xFF, G711.linearToUlaw((short) 0));
        assertEquals((byte) 0xD5, G711.linearToAlaw((short) 0));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-5504, G711.alawToLinear((byte) 0x00));
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int s = -32000; s <= 32000; s += 7) {
            short sample = (short) s;
            int u = G711.ulawToLinear(G711.linearToUlaw(sample));
            int a = G711.alawToLinear(G711.linearToAlaw(sample));
            int tolerance = Math.max(16, Math.abs(s) / 16);
            assertTrue(Math.abs(u - s) <= tolerance, "mu-law " + s + " -> " + u);
            assertTrue(Math.abs(a - s) <= tolerance, "A-law " + s + " -> " + a);
        }
    }

    @Test
    void wavHeaderDescribesEightKilohertzMono() {
        byte[] wav = WavWriter.mono16(new short[] {1, -1, 300}, 8000);
        assertEquals(44 + 6, wav.length);
        assertEquals('R', wav[0]);
        assertEquals(1, wav[22]); // channels
        assertEquals(0x40, wav[24] & 0xFF); // 8000 = 0x1F40, little-endian
        assertEquals(0x1F, wav[25] & 0xFF);
        assertEquals(16, wav[34]); // bits per sample
        assertEquals(6, wav[40]); // data bytes
        assertEquals(0x2C, wav[48] & 0xFF); // 300 = 0x012C
    }
}
