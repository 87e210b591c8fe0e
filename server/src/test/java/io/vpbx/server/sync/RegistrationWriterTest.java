package io.vpbx.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcEmployeeStore;
import io.vpbx.admin.store.jdbc.JdbcSipRegistrationStore;
import io.vpbx.server.MutableClock;
import io.vpbx.sip.registrar.ContactBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TxWork;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Binding changes reach the database through the bounded queue, and nothing on the SIP side ever waits. */
class RegistrationWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String PHONE = "sip:anna@192.0.2.10:5060";
    private static final String SOFTPHONE = "sip:anna@198.51.100.7:5062";

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JdbcSipRegistrationStore store = new JdbcSipRegistrationStore();
    private TestDatabases.TestDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcEmployeeStore().create(tx, new Employee("e-1", "acc-1", "Anna", "101", "anna",
                    DigestCredentials.derive("anna", "vpbx", "secret"), null, T0, T0));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RegistrationWriter writer(int capacity) {
        return new RegistrationWriter(db.database(), store, clock, "node-a", capacity, registry);
    }

    private static ContactBinding binding(String uri, long cseq, Instant expiresAt) {
        return new ContactBinding(uri, "call-1", cseq, expiresAt, 0.5, "urn:uuid:1", "192.0.2.10:5060");
    }

    private List<SipRegistration> rows() {
        List<SipRegistration> rows = new ArrayList<>();
        db.database().inTransaction(tx -> store.changedSince(tx, Instant.EPOCH, rows::add));
        return rows;
    }

    private double writes(String outcome) {
        return registry.get("vpbx.registrar.writes").tag("outcome", outcome).counter().count();
    }

    @Test
    void aSavedBindingBecomesItsRowStampedWithNodeAndTime() {
        RegistrationWriter writer = writer(10);
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));

        assertEquals(1, writer.drainOnce());

        assertEquals(List.of(new SipRegistration("e-1", PHONE, "192.0.2.10:5060", "urn:uuid:1", 0.5, "call-1", 1,
                T0.plusSeconds(600), "node-a", T0)), rows());
        assertEquals(1.0, writes("written"));
    }

    @Test
    void aRemovalIsARowThatExpiredWhenItWasWritten() {
        RegistrationWriter writer = writer(10);
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.drainOnce();
        Instant at = T0.plusSeconds(30);

        writer.removed("e-1", binding(PHONE, 1, T0.plusSeconds(600)), at);
        writer.drainOnce();

        SipRegistration row = rows().get(0);
        assertTrue(row.isRemoval());
        assertEquals(at, row.expiresAt());
        assertEquals(at, row.updatedAt());
    }

    @Test
    void expiriesAreNotWritten() {
        RegistrationWriter writer = writer(10);
        writer.expired("e-1", binding(PHONE, 1, T0));
        assertEquals(0, writer.drainOnce());
    }

    @Test
    void aBatchKeepsOnlyTheLastChangeOfEachContact() {
        RegistrationWriter writer = writer(10);
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.saved("e-1", binding(SOFTPHONE, 1, T0.plusSeconds(600)));
        writer.saved("e-1", binding(PHONE, 2, T0.plusSeconds(900)));

        assertEquals(3, writer.drainOnce());

        List<SipRegistration> rows = rows();
        assertEquals(2, rows.size());
        assertEquals(2, rows.stream().filter(row -> row.contactUri().equals(PHONE)).findFirst().orElseThrow().cseq());
        assertEquals(3.0, writes("written"));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        RegistrationWriter writer = writer(2);
        for (int i = 1; i <= 5; i++) {
            writer.saved("e-1", binding("sip:anna@192.0.2.10:" + (5060 + i), 1, T0.plusSeconds(600)));
        }

        assertEquals(3.0, writes("dropped"));
        assertEquals(2.0, registry.get("vpbx.registrar.write.queue").gauge().value());
        writer.drainOnce();
        assertEquals(2, rows().size());
    }

    @Test
    void aRowThatCannotBeWrittenCostsOnlyItself() {
        RegistrationWriter writer = writer(10);
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.saved("deleted-employee", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.saved("e-1", binding(SOFTPHONE, 1, T0.plusSeconds(600)));

        writer.drainOnce();

        assertEquals(List.of(PHONE, SOFTPHONE), rows().stream().map(SipRegistration::contactUri).sorted().toList());
        assertEquals(1.0, writes("failed"));
        assertEquals(2.0, writes("written"));
    }

    @Test
    void theWriterThreadWritesAndCloseFlushesTheRest() {
        RegistrationWriter writer = writer(10);
        writer.start();
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.saved("e-1", binding(SOFTPHONE, 1, T0.plusSeconds(600)));

        writer.close();
        writer.saved("e-1", binding("sip:anna@203.0.113.1", 1, T0.plusSeconds(600)));

        assertEquals(2, rows().size());
        assertEquals(1.0, writes("dropped"), "a change after close is dropped, not lost silently");
    }

    @Test
    void changesMadeWhileTheDatabaseIsUnreachableAreKeptAndWrittenOnceItAnswers() {
        AtomicBoolean down = new AtomicBoolean(true);
        Transactions outage = new Transactions() {
            @Override
            public <T> T inTransaction(TxWork<T> work) {
                if (down.get()) {
                    throw new StorageException("the database is unreachable", null, 5);
                }
                return db.database().inTransaction(work);
            }
        };
        RegistrationWriter writer = new RegistrationWriter(outage, store, clock, "node-a", 10, registry, Duration.ZERO);
        writer.saved("e-1", binding(PHONE, 1, T0.plusSeconds(600)));
        writer.saved("e-1", binding(SOFTPHONE, 1, T0.plusSeconds(600)));
        writer.drainOnce();
        writer.saved("e-1", binding(PHONE, 2, T0.plusSeconds(900)));
        writer.drainOnce();
        writer.drainOnce(); // an idle retry, still down

        assertEquals(0, rows().size());
        assertEquals(2, writer.pending());
        assertEquals(0.0, writes("failed"));

        down.set(false);
        assertEquals(0, writer.drainOnce()); // nothing new arrives: the idle step writes what was kept

        assertEquals(List.of(PHONE, SOFTPHONE), rows().stream().map(SipRegistration::contactUri).sorted().toList());
        assertEquals(2, rows().stream().filter(row -> row.contactUri().equals(PHONE)).findFirst().orElseThrow().cseq());
        assertEquals(0, writer.pending());
        assertEquals(3.0, writes("written"));
    }
}
