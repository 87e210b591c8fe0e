package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    private static String iso(Instant instant) {
        return IsoInstants.append(new StringBuilder(), instant, 'T', "Z").toString();
    }

    @Test
    void writesWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), iso(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsAreWrittenAsTheJdkWritesThem() {
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        assertEquals(far.toString(), iso(far));
        assertEquals("+12026-01-01T00:00:00+00", IsoInstants.append(new StringBuilder(), far, ' ', "+00").toString());
    }
}
