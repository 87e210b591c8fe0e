package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the registrar tells its listener, and how it takes in bindings written on another node. */
class RegistrarReplicationTest {

    private static final String AOR = "employee-1";
    private static final String PHONE = "sip:alice@192.0.2.10:5060";
    private static final String SOFTPHONE = "sip:alice@198.51.100.7:5062";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<String> heard = new ArrayList<>();
    private final Registrar registrar = new Registrar(clock, new RegistrarPolicy(60, 3600, 600, 3), new BindingListener() {
        @Override
        public void saved(String aor, ContactBinding binding) {
            heard.add("saved " + aor + " " + binding.uri() + " cseq " + binding.cseq());
        }

        @Override
        public void removed(String aor, ContactBinding binding, Instant at) {
            heard.add("removed " + aor + " " + binding.uri() + " at " + at);
        }

        @Override
        public void expired(String aor, ContactBinding binding) {
            heard.add("expired " + aor + " " + binding.uri());
        }
    });

    private void register(List<ContactRequest> contacts, String callId, long cseq, Integer expires, boolean wildcard) {
        assertInstanceOf(RegistrationResult.Accepted.class,
                registrar.register(AOR, contacts, callId, cseq, expires, wildcard));
    }

    @Test
    void newAndRefreshedBindingsAreSaved() {
        register(List.of(ContactRequest.of(PHONE)), "c1", 1, 600, false);
        register(List.of(ContactRequest.of(PHONE)), "c1", 2, 600, false);

        assertEquals(List.of("saved employee-1 " + PHONE + " cseq 1", "saved employee-1 " + PHONE + " cseq 2"), heard);
    }

    @Test
    void aFetchAndARefusalAnnounceNothing() {
        register(List.of(ContactRequest.of(PHONE)), "c1", 1, 600, false);
        heard.clear();

        register(List.of(), "c1", 2, null, false);
        registrar.register(AOR, List.of(ContactRequest.of(SOFTPHONE)), "c1", 3, 10, false);

        assertEquals(List.of(), heard);
    }

    @Test
    void unregisteringAndTheWildcardAnnounceRemovalsAtTheirTime() {
        register(List.of(ContactRequest.of(PHONE), ContactRequest.of(SOFTPHONE)), "c1", 1, 600, false);
        heard.clear();
        clock.advance(Duration.ofSeconds(5));
        Instant at = clock.instant();

        register(List.of(ContactRequest.of(PHONE).withExpires(0)), "c1", 2, null, false);
        register(List.of(), "c1", 3, 0, true);

        assertEquals(List.of("removed employee-1 " + PHONE + " at " + at, "removed employee-1 " + SOFTPHONE + " at " + at), heard);
    }

    @Test
    void anInstanceMovingToANewUriRemovesTheOldUriAndSavesTheNew() {
        register(List.of(ContactRequest.of(PHONE).withInstance("urn:uuid:1")), "c1", 1, 600, false);
        heard.clear();

        register(List.of(ContactRequest.of(SOFTPHONE).withInstance("urn:uuid:1")), "c1", 2, 600, false);

        assertEquals(List.of("saved employee-1 " + SOFTPHONE + " cseq 2", "removed employee-1 " + PHONE + " at " + clock.instant()),
                heard);
    }

    @Test
    void pruningAnnouncesExpiry() {
        register(List.of(ContactRequest.of(PHONE).withExpires(60), ContactRequest.of(SOFTPHONE)), "c1", 1, 600, false);
        heard.clear();
        clock.advance(Duration.ofSeconds(61));

        registrar.pruneExpired();
        registrar.pruneExpired();

        assertEquals(List.of("expired employee-1 " + PHONE), heard);
        assertEquals(1, registrar.location().bindingCount());
    }

    @Test
    void aFailingListenerDoesNotFailTheRegister() {
        Registrar failing = new Registrar(clock, new RegistrarPolicy(60, 3600, 600, 3), new BindingListener() {
            @Override
            public void saved(String aor, ContactBinding binding) {
                throw new IllegalStateException("queue gone");
            }

            @Override
            public void removed(String aor, ContactBinding binding, Instant at) {
            }

            @Override
            public void expired(String aor, ContactBinding binding) {
            }
        });

        assertInstanceOf(RegistrationResult.Accepted.class,
                failing.register(AOR, List.of(ContactRequest.of(PHONE)), "c1", 1, 600, false));
        assertEquals(1, failing.location().lookup(AOR, clock.instant()).size());
    }

    @Test
    void replicatedBindingsJoinReplaceAndLeaveWithoutAnnouncement() {
        Instant later = clock.instant().plusSeconds(600);
        registrar.replicate(AOR, new ContactBinding(PHONE, "c9", 1, later, 1.0, null, "192.0.2.10:5060"));
        registrar.replicate(AOR, new ContactBinding(SOFTPHONE, "c8", 1, later, 0.5, null, null));
        registrar.replicate(AOR, new ContactBinding(PHONE, "c9", 2, later.plusSeconds(60), 1.0, null, "192.0.2.10:5060"));

        List<ContactBinding> live = registrar.location().lookup(AOR, clock.instant());
        assertEquals(List.of(PHONE, SOFTPHONE), live.stream().map(ContactBinding::uri).toList());
        assertEquals(2, live.get(0).cseq());

        registrar.replicate(AOR, new ContactBinding(PHONE, "c9", 3, clock.instant(), 1.0, null, null));
        assertEquals(List.of(SOFTPHONE), registrar.location().lookup(AOR, clock.instant()).stream().map(ContactBinding::uri).toList());
        assertEquals(List.of(), heard);
    }

    @Test
    void aStaleReplicaDoesNotOverwriteANewerLocalRefresh() {
        register(List.of(ContactRequest.of(PHONE)), "c1", 7, 600, false);
        ContactBinding local = registrar.location().bindings(AOR).get(0);

        registrar.replicate(AOR, new ContactBinding(PHONE, "c1", 6, clock.instant().plusSeconds(30), 1.0, null, null));
        registrar.replicate(AOR, new ContactBinding(SOFTPHONE, "c2", 1, clock.instant(), 1.0, null, null));

        assertEquals(List.of(local), registrar.location().bindings(AOR));
        assertEquals(1, heard.size());
    }
}
