package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void sipLimitsAreBoundedAndErrorsNameTheKey() {
        assertKeyNamed("sip.max-headers", () -> sip(15, 1, 1, 1, 1, ""));
        assertKeyNamed("sip.per-source.rate", () -> sip(100, -1, 1, 1, 1, ""));
        assertKeyNamed("sip.per-source.burst", () -> sip(100, 1, 0, 1, 1, ""));
        assertKeyNamed("sip.per-source.max-sources", () -> sip(100, 1, 1, 0, 1, ""));
        assertKeyNamed("sip.max-transactions", () -> sip(100, 1, 1, 1, 0, ""));
        assertKeyNamed("sip.max-message-bytes", () -> new SipConfig("h", 5060, true, false, "r", 511));
        assertFalse(sip(16, 0, 1, 1, 1, "").throttlesSources());
    }

    @Test
    void advertisedHostIsAHostPeersCanReach() {
        for (String bad : List.of("0.0.0.0", "::", "[::]", "sip.example.com:5060", "a b", "[sip.example.com]", " ")) {
            assertKeyNamed("sip.advertised-host", () -> sip(100, 1, 1, 1, 1, bad));
        }
        assertEquals("sip.example.com", sip(100, 1, 1, 1, 1, "sip.example.com").advertisedHostOrDefault());
        assertEquals("[2001:db8::5]", sip(100, 1, 1, 1, 1, "2001:db8::5").advertisedHostOrDefault());
        assertEquals("[2001:db8::5]", sip(100, 1, 1, 1, 1, "[2001:db8::5]").advertisedHostOrDefault());
    }

    @Test
    void advertisedHostDefaultsToTheBoundHostUnlessThatIsAWildcard() {
        assertEquals("127.0.0.1", new SipConfig("0.0.0.0", 5060, true, false, "r", 512).advertisedHostOrDefault());
        assertEquals("127.0.0.1", new SipConfig("::", 5060, true, false, "r", 512).advertisedHostOrDefault());
        assertEquals("192.0.2.10", new SipConfig("192.0.2.10", 5060, true, false, "r", 512).advertisedHostOrDefault());
        assertEquals("[::1]", new SipConfig("::1", 5060, true, false, "r", 512).advertisedHostOrDefault());
        assertEquals("pbx.example.com",
                new SipConfig("pbx.example.com", 5060, true, false, "r", 512).advertisedHostOrDefault());
    }

    private static SipConfig sip(int maxHeaders, int rate, int burst, int maxSources, int maxTransactions,
            String advertisedHost) {
        return new SipConfig("h", 5060, true, false, "r", 1500, maxHeaders, rate, burst, maxSources, maxTransactions,
                advertisedHost);
    }

    private static void assertKeyNamed(String key, org.junit.jupiter.api.function.Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
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
        assertThrows(IllegalArgumentException.class, () -> new ApiConfig(MINUTE.negated(), 65536, 100, 32));
        assertThrows(IllegalArgumentException.class, () -> new ApiConfig(MINUTE, 1023, 100, 32));
        assertThrows(IllegalArgumentException.class, () -> new ApiConfig(MINUTE, 65536, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> new ApiConfig(MINUTE, 65536, 100, 201));
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
