package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void lookupOrdersByQAndKeepsRegistrationOrderOnTies() {
        Location location = Location.empty().withBindings("sip:bob@pbx.example", List.of(
                binding("sip:1@h", 0.5, 60), binding("sip:2@h", 1.0, 60), binding("sip:3@h", 0.5, 60),
                binding("sip:4@h", 1.0, -1)));
        List<String> uris = new ArrayList<>();
        location.lookup("sip:bob@pbx.example", NOW).forEach(b -> uris.add(b.uri()));
        assertEquals(List.of("sip:2@h", "sip:1@h", "sip:3@h"), uris);
        assertTrue(location.lookup("sip:nobody@pbx.example", NOW).isEmpty());
    }

    @Test
    void withoutExpiredReturnsSameSnapshotWhenNothingExpired() {
        Location location = Location.empty().withBindings("sip:bob@pbx.example", List.of(binding("sip:1@h", 1, 60)));
        assertSame(location, location.withoutExpired(NOW));
    }

    @Test
    void snapshotsAreUnmodifiable() {
        Location location = Location.empty().withBindings("sip:bob@pbx.example", List.of(binding("sip:1@h", 1, 60)));
        assertThrows(UnsupportedOperationException.class,
                () -> location.bindings("sip:bob@pbx.example").add(binding("sip:2@h", 1, 60)));
    }

    @Test
    void policyValidatesOnConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new RegistrarPolicy(0, 3600, 600, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegistrarPolicy(7200, 9000, 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegistrarPolicy(60, 3600, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegistrarPolicy(60, 3600, 600, 0));
    }

    private static ContactBinding binding(String uri, double q, int expiresIn) {
        return new ContactBinding(uri, "call", 1, NOW.plusSeconds(expiresIn), q, null, null);
    }
}
