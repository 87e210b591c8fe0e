package io.vpbx.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.vpbx.sip.registrar.Registrar;
import io.vpbx.sip.registrar.RegistrarPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node's registrar takes in the bindings stored by every node: at startup, then each sync round. */
class RegistrationSyncTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String PHONE = "sip:anna@192.0.2.10:5060";
    private static final String SOFTPHONE = "sip:anna@198.51.100.7:5062";

    private final MutableClock clock = new MutableClock(T0);
    private final JdbcSipRegistrationStore store = new JdbcSipRegistrationStore();
    private final Registrar registrar = new Registrar(clock, new RegistrarPolicy(60, 3600, 600, 10));
    private TestDatabases.TestDatabase db;
    private RegistrationSync sync;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcEmployeeStore().create(tx, new Employee("e-1", "acc-1", "Anna", "101", "anna",
                    DigestCredentials.derive("anna", "vpbx", "secret"), null, T0, T0));
            return null;
        });
        sync = new RegistrationSync(db.database(), store, registrar, clock, "node-b", Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void save(SipRegistration row) {
        db.database().inTransaction(tx -> {
            store.save(tx, row);
            return null;
        });
    }

    private static SipRegistration row(String uri, long cseq, Instant expiresAt, String node, Instant updatedAt) {
        return new SipRegistration("e-1", uri, "192.0.2.10:5060", null, 1.0, "call-1", cseq, expiresAt, node, updatedAt);
    }

    private List<String> contacts() {
        return registrar.location().lookup("e-1", clock.instant()).stream().map(ContactBinding::uri).toList();
    }

    private int storedRows() {
        List<SipRegistration> rows = new ArrayList<>();
        db.database().inTransaction(tx -> store.changedSince(tx, Instant.EPOCH, rows::add));
        return rows.size();
    }

    @Test
    void startupLoadsTheUnexpiredBindingsOfEveryNodeItsOwnIncluded() {
        save(row(PHONE, 1, T0.plusSeconds(600), "node-a", T0.minusSeconds(60)));
        save(row(SOFTPHONE, 1, T0.plusSeconds(600), "node-b", T0.minusSeconds(60)));
        save(row("sip:anna@203.0.113.9", 1, T0.minusSeconds(1), "node-a", T0.minusSeconds(700)));

        assertEquals(2, sync.loadUnexpired());

        assertEquals(List.of(PHONE, SOFTPHONE), contacts());
    }

    @Test
    void aRoundAppliesOtherNodesChangesAndSkipsItsOwn() {
        sync.loadUnexpired();
        save(row(PHONE, 1, T0.plusSeconds(600), "node-a", T0.plusSeconds(1)));
        save(row(SOFTPHONE, 1, T0.plusSeconds(600), "node-b", T0.plusSeconds(1)));
        clock.advance(Duration.ofSeconds(2));

        assertEquals(1, sync.syncOnce());

        assertEquals(List.of(PHONE), contacts(), "its own rows are in its memory already, or were removed there");
    }

    @Test
    void aRemovalOnAnotherNodeRemovesTheBindingHere() {
        save(row(PHONE, 1, T0.plusSeconds(600), "node-a", T0));
        sync.loadUnexpired();
        clock.advance(Duration.ofSeconds(5));

        save(row(PHONE, 1, clock.instant(), "node-a", clock.instant()));
        sync.syncOnce();

        assertEquals(List.of(), contacts());
    }

    @Test
    void aRemovalStampedAheadByAFastClockStillRemoves() {
        save(row(PHONE, 1, T0.plusSeconds(600), "node-a", T0));
        sync.loadUnexpired();

        Instant ahead = T0.plusSeconds(3);
        save(row(PHONE, 1, ahead, "node-a", ahead));
        sync.syncOnce();

        assertEquals(List.of(), contacts(), "a row that expired when written is a removal, whatever this node's clock says");
    }

    @Test
    void rowsCommittedLateWithinTheLookbackAreStillRead() {
        sync.loadUnexpired();
        save(row(PHONE, 1, T0.plusSeconds(600), "node-a", T0.plusSeconds(20)));
        sync.syncOnce();

        save(row(SOFTPHONE, 1, T0.plusSeconds(600), "node-a", T0.plusSeconds(12)));
        assertEquals(2, sync.syncOnce(), "stamped before the newest change seen, yet within the lookback");

        assertEquals(List.of(PHONE, SOFTPHONE), contacts());
    }

    @Test
    void aRoundDropsExpiredBindingsAndPurgesOldRemovalRows() {
        save(row(PHONE, 1, T0.plusSeconds(60), "node-a", T0));
        save(row(SOFTPHONE, 1, T0.plusSeconds(5), "node-a", T0.plusSeconds(5)));
        sync.loadUnexpired();
        clock.advance(Duration.ofSeconds(61));

        sync.syncOnce();
        assertEquals(0, registrar.location().bindingCount());
        assertEquals(2, storedRows(), "kept for other nodes to read during the retention");

        clock.advance(Duration.ofMinutes(10));
        sync.syncOnce();
        assertEquals(0, storedRows());
    }
}
