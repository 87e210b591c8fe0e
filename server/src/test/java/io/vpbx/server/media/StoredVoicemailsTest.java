package io.vpbx.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.voicemail.VoicemailService;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcMailQueueStore;
import io.vpbx.admin.store.jdbc.JdbcVoicemailStore;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The call side's hand-over: accept only queues (the writer is not started here, so what accept does is all that
 * happens on the calling thread); beyond the queue's capacity a message is lost and counted; flush stores the rest.
 */
class StoredVoicemailsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final TestDatabases.TestDatabase db = TestDatabases.h2();
    private final JdbcVoicemailStore store = new JdbcVoicemailStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final VoicemailService service = new VoicemailService(db.database(), store, new JdbcMailQueueStore(),
            new Auditor(new JdbcAuditStore(JsonMappers.create()), clock), clock, Duration.ofDays(30));
    private final StoredVoicemails sink = new StoredVoicemails(service, registry);

    @AfterEach
    void close() {
        sink.close();
        db.close();
    }

    private static NewVoicemail message(int n) {
        return new NewVoicemail("acc-1", "+74951230001", "+7916000" + String.format("%04d", n), "call-" + n, T0, Duration.ofSeconds(3),
                new byte[] {(byte) n}, List.of("sales@acme.example"));
    }

    private int stored() {
        return db.database().inTransaction(tx -> store.query(tx, new VoicemailQuery("acc-1", null, null, null, null, null, null, 500)))
                .size();
    }

    @Test
    void beyondTheQueuesCapacityAMessageIsLostAndCountedAndTheRestAreStored() {
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            return null;
        });
        for (int i = 0; i < StoredVoicemails.QUEUE_CAPACITY + 2; i++) {
            sink.accept(message(i));
        }
        assertEquals(0, stored(), "accept stores nothing itself");
        assertEquals(2.0, registry.get("vpbx.voicemail.lost").tag("reason", "queue_full").counter().count());
        assertEquals(StoredVoicemails.QUEUE_CAPACITY, (int) registry.get("vpbx.voicemail.queue.depth").gauge().value());

        assertEquals(StoredVoicemails.QUEUE_CAPACITY, sink.flush());

        assertEquals(StoredVoicemails.QUEUE_CAPACITY, stored());
        assertEquals(StoredVoicemails.QUEUE_CAPACITY, registry.get("vpbx.voicemail.stored").counter().count());
    }

    @Test
    void aMessageThatCannotBeStoredIsTriedAgainThenCountedLost() {
        sink.accept(message(1)); // its account does not exist: every try fails on the foreign key

        assertEquals(1, sink.flush());

        assertEquals(0, stored());
        assertEquals(1.0, registry.get("vpbx.voicemail.lost").tag("reason", "store_failed").counter().count());
    }

    @Test
    void afterCloseAMessageIsLostAndCounted() {
        sink.close();
        sink.accept(message(1));
        assertEquals(1.0, registry.get("vpbx.voicemail.lost").tag("reason", "closed").counter().count());
    }
}
