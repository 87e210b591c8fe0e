package io.vpbx.admin.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash as documented, so that a regulator can recompute it from an export with any tool. */
class AuditHasherTest {
    private static final AuditChainEntry ENTRY = new AuditChainEntry(7, Instant.parse("2026-11-23T10:00:00.123456Z"), "acc-1",
            "account/acc-1/key/k1", "10.0.0.1", "req-1", "number.updated", "number", "+74951230077",
            "[{\"field\":\"comment\",\"before\":null,\"after\":\"ночь\"}]", AuditHasher.GENESIS, null);

    @Test
    void matchesTheDocumentedEncodingComputedElsewhere() {
        // sha256 of the length-prefixed fields, computed with Python's hashlib
        assertEquals("febadbe18fc6a4b0a5f093942f63d30dd7c44bee1d33e10e94c3fabbfc276814", AuditHasher.hash(ENTRY));
        assertEquals("23b2e287f4f77ff7f81bcafd93fcb2e3305348f84ebfaf4ab459b537e7e3be72", AuditHasher.hash(with(null, ENTRY.actor(), ENTRY.sourceIp())),
                "an absent account is '-'");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditChainEntry shifted = with(ENTRY.accountId(), "account/acc-1/key/k", "110.0.0.1");
        assertNotEquals(AuditHasher.hash(ENTRY), AuditHasher.hash(shifted));
        assertNotEquals(AuditHasher.hash(with("", ENTRY.actor(), ENTRY.sourceIp())), AuditHasher.hash(with(null, ENTRY.actor(), ENTRY.sourceIp())));
        assertNotEquals(AuditHasher.hash(with("-", ENTRY.actor(), ENTRY.sourceIp())), AuditHasher.hash(with(null, ENTRY.actor(), ENTRY.sourceIp())));
    }

    @Test
    void theNextEntryFollowsTheHeadAndKeepsMicroseconds() {
        AuditEvent event = new AuditEvent(0, Instant.parse("2026-11-23T10:00:00.123456789Z"), "acc-1", "account/acc-1/key/k1",
                "10.0.0.1", "req-1", "number.updated", "number", "+74951230077", List.of());
        AuditChainEntry next = AuditHasher.next(new ChainHead(41, "ab".repeat(32)), event, "[]");
        assertEquals(42, next.id());
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), next.at());
        assertEquals("ab".repeat(32), next.prevHash());
        assertEquals(AuditHasher.hash(next), next.entryHash());
        assertEquals("2026-11-23T10:00:00.000000Z", AuditHasher.format(Instant.parse("2026-11-23T10:00:00Z")));
    }

    private static AuditChainEntry with(String accountId, String actor, String sourceIp) {
        return new AuditChainEntry(ENTRY.id(), ENTRY.at(), accountId, actor, sourceIp, ENTRY.requestId(), ENTRY.action(),
                ENTRY.resourceType(), ENTRY.resourceId(), ENTRY.changes(), ENTRY.prevHash(), null);
    }
}
