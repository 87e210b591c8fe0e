package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "PT30M, PT30M",
        "P90D, PT2160H",
        "PT0.5S, PT0.5S",
        "500ms, PT0.5S",
        "10s, PT10S",
        "30m, PT30M",
        "24h, PT24H",
        "90d, PT2160H"})
    void acceptsIsoAndShortForms(String text, String expected) {
        assertEquals(Optional.of(Duration.parse(expected)), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "0s", "PT0S", "PT-1M", "-5s", "1.5h", "10 s", "10S", "5w", "P1Y", "abc",
        "999999999999999999d"})
    void rejectsMalformedZeroNegativeAndOverflowing(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"--api.idempotency-retention=PT12H, PT12H", "--api.idempotency-retention=12h, PT12H"})
    void bothFormsBindThroughTheLoader(String flag, String expected) {
        assertEquals(Duration.parse(expected),
                ConfigLoader.load(new String[] {flag}, java.util.Map.of()).api().idempotencyRetention());
    }
}
