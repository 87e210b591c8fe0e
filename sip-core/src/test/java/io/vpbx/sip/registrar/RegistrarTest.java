package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistrarTest {

    private static final String AOR = "sip:alice@pbx.example";
    private static final String PHONE = "sip:alice@192.0.2.10:5060";
    private static final String SOFTPHONE = "sip:alice@198.51.100.7:5062;transport=tcp";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final Registrar registrar = new Registrar(clock, new RegistrarPolicy(60, 3600, 600, 3));

    @Test
    void addsBindingWithDefaultExpiry() {
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(PHONE)), "call-1", 1, null);

        ContactBinding binding = accepted.bindings().get(0);
        assertEquals(PHONE, binding.uri());
        assertEquals("call-1", binding.callId());
        assertEquals(1, binding.cseq());
        assertEquals(clock.instant().plusSeconds(600), binding.expiresAt());
        assertEquals(600, binding.expiresInSeconds(clock.instant()));
        assertSame(accepted.location(), registrar.location());
    }

    @Test
    void refreshExtendsTheSameBinding() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 1, 300);
        clock.advance(Duration.ofSeconds(200));
        RegistrationResult.Accepted refreshed = accept(List.of(ContactRequest.of(PHONE)), "call-1", 2, 300);

        assertEquals(1, refreshed.bindings().size());
        assertEquals(clock.instant().plusSeconds(300), refreshed.bindings().get(0).expiresAt());
        assertEquals(2, refreshed.bindings().get(0).cseq());
    }

    @Test
    void severalContactsAreListedByQ() {
        RegistrationResult.Accepted accepted = accept(List.of(
                ContactRequest.of(PHONE).withQ(0.5),
                ContactRequest.of(SOFTPHONE).withQ(0.9).withReceived("198.51.100.7:40000")), "call-1", 1, 600);

        assertEquals(List.of(SOFTPHONE, PHONE), uris(accepted.bindings()));
        assertEquals("198.51.100.7:40000", accepted.bindings().get(0).received());
        assertEquals(List.of(SOFTPHONE, PHONE), uris(registrar.location().lookup(AOR, clock.instant())));
    }

    @Test
    void bindingsFromAnotherCallIdAreKept() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 5, 600);
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(SOFTPHONE)), "call-2", 1, 600);
        assertEquals(2, accepted.bindings().size());
    }

    @Test
    void fetchWithoutContactsChangesNothing() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 1, 600);
        Location before = registrar.location();
        RegistrationResult.Accepted fetched = accept(List.of(), "call-9", 1, null);
        assertSame(before, fetched.location());
        assertEquals(List.of(PHONE), uris(fetched.bindings()));
    }

    @Test
    void tooBriefIntervalIs423WithMinExpires() {
        RegistrationResult result = registrar.register(AOR, List.of(ContactRequest.of(PHONE)), "call-1", 1, 30, false);
        assertEquals(new RegistrationResult.IntervalTooBrief(60), result);
        assertEquals(423, result.statusCode());
        assertTrue(registrar.location().bindings(AOR).isEmpty());
    }

    @Test
    void contactExpiresOverridesHeaderAndLongIntervalsAreShortened() {
        RegistrationResult.Accepted accepted = accept(List.of(
                ContactRequest.of(PHONE).withExpires(120),
                ContactRequest.of(SOFTPHONE).withExpires(86_400)), "call-1", 1, 30);

        Instant now = clock.instant();
        assertEquals(120, binding(accepted, PHONE).expiresInSeconds(now));
        assertEquals(3600, binding(accepted, SOFTPHONE).expiresInSeconds(now));

        RegistrationResult tooBrief = registrar.register(AOR,
                List.of(ContactRequest.of(PHONE).withExpires(10)), "call-1", 2, 600, false);
        assertEquals(423, tooBrief.statusCode());
    }

    @Test
    void expiresZeroRemovesOneBinding() {
        accept(List.of(ContactRequest.of(PHONE), ContactRequest.of(SOFTPHONE)), "call-1", 1, 600);
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(PHONE).withExpires(0)), "call-1", 2,
                600);
        assertEquals(List.of(SOFTPHONE), uris(accepted.bindings()));
    }

    @Test
    void wildcardWithExpiresZeroRemovesAllBindings() {
        accept(List.of(ContactRequest.of(PHONE), ContactRequest.of(SOFTPHONE)), "call-1", 1, 600);
        RegistrationResult.Accepted accepted = assertInstanceOf(RegistrationResult.Accepted.class,
                registrar.register(AOR, List.of(), "call-1", 2, 0, true));
        assertTrue(accepted.bindings().isEmpty());
        assertTrue(registrar.location().bindings(AOR).isEmpty());
        assertTrue(registrar.location().addressesOfRecord().isEmpty());
    }

    @Test
    void wildcardMisuseIs400() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 1, 600);
        assertEquals(400, registrar.register(AOR, List.of(), "call-1", 2, null, true).statusCode());
        assertEquals(400, registrar.register(AOR, List.of(), "call-1", 2, 600, true).statusCode());
        assertEquals(400, registrar.register(AOR, List.of(ContactRequest.of(SOFTPHONE)), "call-1", 2, 0, true)
                .statusCode());
        assertEquals(1, registrar.location().bindings(AOR).size());
    }

    @Test
    void lowerOrEqualCseqOnSameCallIdFailsWith500AndChangesNothing() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 10, 600);
        Location before = registrar.location();

        RegistrationResult older = registrar.register(AOR, List.of(ContactRequest.of(PHONE).withExpires(0)),
                "call-1", 9, 600, false);
        RegistrationResult repeated = registrar.register(AOR, List.of(ContactRequest.of(PHONE)), "call-1", 10, 900,
                false);
        RegistrationResult wildcard = registrar.register(AOR, List.of(), "call-1", 10, 0, true);

        assertEquals(new RegistrationResult.Rejected(500, "Out Of Order CSeq"), older);
        assertEquals(500, repeated.statusCode());
        assertEquals(500, wildcard.statusCode());
        assertSame(before, registrar.location());
    }

    @Test
    void lowerCseqFromAnotherCallIdReplacesBinding() {
        accept(List.of(ContactRequest.of(PHONE)), "call-1", 10, 600);
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(PHONE)), "call-2", 1, 900);
        assertEquals("call-2", accepted.bindings().get(0).callId());
        assertEquals(1, accepted.bindings().size());
    }

    @Test
    void sameInstanceReplacesBindingWithNewUri() {
        String instance = "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>";
        accept(List.of(ContactRequest.of(PHONE).withInstance(instance)), "call-1", 1, 600);
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(SOFTPHONE).withInstance(instance)),
                "call-1", 2, 600);
        assertEquals(List.of(SOFTPHONE), uris(accepted.bindings()));
    }

    @Test
    void moreContactsThanPolicyAllowsIs403() {
        accept(List.of(ContactRequest.of("sip:a@192.0.2.1"), ContactRequest.of("sip:a@192.0.2.2"),
                ContactRequest.of("sip:a@192.0.2.3")), "call-1", 1, 600);
        RegistrationResult result = registrar.register(AOR, List.of(ContactRequest.of("sip:a@192.0.2.4")), "call-2",
                1, 600, false);
        assertEquals(403, result.statusCode());
        assertEquals(3, registrar.location().bindings(AOR).size());
    }

    @Test
    void expiredBindingsAreHiddenThenPruned() {
        accept(List.of(ContactRequest.of(PHONE).withExpires(60), ContactRequest.of(SOFTPHONE).withExpires(600)),
                "call-1", 1, null);
        clock.advance(Duration.ofSeconds(60));

        assertEquals(List.of(SOFTPHONE), uris(registrar.location().lookup(AOR, clock.instant())));
        assertEquals(2, registrar.location().bindings(AOR).size());
        assertEquals(1, registrar.pruneExpired().bindings(AOR).size());

        clock.advance(Duration.ofSeconds(540));
        assertTrue(registrar.pruneExpired().addressesOfRecord().isEmpty());
    }

    @Test
    void expiredBindingDoesNotCountTowardsLimitNorBlockCseq() {
        accept(List.of(ContactRequest.of(PHONE).withExpires(60)), "call-1", 10, null);
        clock.advance(Duration.ofSeconds(61));
        RegistrationResult.Accepted accepted = accept(List.of(ContactRequest.of(PHONE)), "call-1", 3, 600);
        assertEquals(3, accepted.bindings().get(0).cseq());
    }

    @Test
    void pureRegisterLeavesOldSnapshotUntouched() {
        Location empty = Location.empty();
        RegistrationResult.Accepted first = assertInstanceOf(RegistrationResult.Accepted.class,
                registrar.register(empty, AOR, List.of(ContactRequest.of(PHONE)), "call-1", 1, 600, false));
        Location v1 = first.location();
        RegistrationResult.Accepted second = assertInstanceOf(RegistrationResult.Accepted.class,
                registrar.register(v1, AOR, List.of(ContactRequest.of(PHONE).withExpires(0),
                        ContactRequest.of(SOFTPHONE)), "call-1", 2, 600, false));

        assertTrue(empty.addressesOfRecord().isEmpty());
        assertEquals(List.of(PHONE), uris(v1.bindings(AOR)));
        assertEquals(List.of(SOFTPHONE), uris(second.location().bindings(AOR)));
        assertTrue(registrar.location().addressesOfRecord().isEmpty());
    }

    @Test
    void negativeExpiresHeaderIs400() {
        assertEquals(400, registrar.register(AOR, List.of(ContactRequest.of(PHONE)), "call-1", 1, -1, false)
                .statusCode());
    }

    private RegistrationResult.Accepted accept(List<ContactRequest> contacts, String callId, long cseq,
                                               Integer expires) {
        return assertInstanceOf(RegistrationResult.Accepted.class,
                registrar.register(AOR, contacts, callId, cseq, expires, false));
    }

    private static ContactBinding binding(RegistrationResult.Accepted accepted, String uri) {
        return accepted.bindings().stream().filter(b -> b.uri().equals(uri)).findFirst().orElseThrow();
    }

    private static List<String> uris(List<ContactBinding> bindings) {
        return bindings.stream().map(ContactBinding::uri).collect(Collectors.toList());
    }
}
