package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void adminRejectsBadPortAndPageSizes() {
        assertThrows(IllegalArgumentException.class, () -> new AdminConfig("h", 70000, 1, 1, 1024, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AdminConfig("h", 80, 1, 1, 1024, 50, 10));
        assertThrows(IllegalArgumentException.class, () -> new AdminConfig("h", 80, 1, 1, 1023, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AdminConfig(" ", 80, 1, 1, 1024, 1, 1));
    }

    @Test
    void sipNeedsATransportAndBoundedMessages() {
        assertThrows(IllegalArgumentException.class, () -> new SipConfig("h", 5060, false, false, "r", 1500));
        assertThrows(IllegalArgumentException.class, () -> new SipConfig("h", 5060, true, false, "r", 511));
        assertThrows(IllegalArgumentException.class, () -> new SipConfig("h", 5060, true, false, "", 1500));
        assertTrue(new SipConfig("h", 5060, false, true, "r", 512).tcp());
    }

    @Test
    void storageChecksUrlAndPool() {
        Path dir = Path.of("d");
        assertThrows(IllegalArgumentException.class,
                () -> new StorageConfig(dir, Optional.of("postgres://x"), "", "", 1));
        assertThrows(IllegalArgumentException.class, () -> new StorageConfig(dir, Optional.empty(), "", "", 201));
        assertThrows(NullPointerException.class, () -> new StorageConfig(dir, Optional.empty(), "", null, 1));
    }

    @Test
    void catalogAndApiNeedPositiveDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> new CatalogConfig(Duration.ZERO, MINUTE, MINUTE, Optional.empty(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CatalogConfig(MINUTE, MINUTE, MINUTE, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> new ApiConfig(MINUTE.negated()));
    }

    @Test
    void operatorKeyNeedsMinimumLength() {
        assertThrows(IllegalArgumentException.class, () -> new SecurityConfig(Optional.of("short")));
    }

    @Test
    void configExceptionNeedsProblemsAndKeepsACopy() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
        List<String> problems = new java.util.ArrayList<>(List.of("a: wrong"));
        ConfigException e = new ConfigException(problems);
        problems.add("b: later");
        assertTrue(e.problems().equals(List.of("a: wrong")));
    }
}
