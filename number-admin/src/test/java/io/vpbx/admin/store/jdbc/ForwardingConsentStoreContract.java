package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.TxWork;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ForwardingConsentStore must do; run against H2 and PostgreSQL by the subclasses. */
abstract class ForwardingConsentStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    private static final String NUMBER = "+74951230002";

    private final String kind;
    private TestDatabases.TestDatabase db;

    ForwardingConsentStoreContract(String kind) {
        this.kind = kind;
    }

    abstract ForwardingConsentStore store();

    @BeforeEach
    void open() {
        db = TestDatabases.of(kind);
        run(tx -> {
            for (String id : List.of("holder", "acme", "initech")) {
                new JdbcAccountStore().create(tx, new Account(id, id, T0));
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T run(TxWork<T> work) {
        return db.database().inTransaction(work);
    }

    private boolean check(TxWork<Boolean> work) {
        return db.database().inTransaction(work);
    }

    @Test
    void aConsentCountsOnlyForItsHolderAndIsGrantedOnce() {
        assertTrue(check(tx -> store().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0))));
        assertFalse(check(tx -> store().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0.plusSeconds(9)))),
                "the first consent is kept");
        assertTrue(check(tx -> store().allows(tx, NUMBER, "holder", "acme")));
        assertFalse(check(tx -> store().allows(tx, NUMBER, "initech", "acme")), "a new holder does not inherit it");
        assertFalse(check(tx -> store().allows(tx, NUMBER, "holder", "initech")));
        assertEquals(List.of(new ForwardingConsent(NUMBER, "holder", "acme", T0)), run(tx -> store().list(tx, NUMBER, "holder")));
    }

    @Test
    void revokingOneOrAllEndsTheConsents() {
        run(tx -> {
            store().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0));
            store().grant(tx, new ForwardingConsent(NUMBER, "holder", "initech", T0));
            store().grant(tx, new ForwardingConsent("+74951230003", "holder", "acme", T0));
            return null;
        });
        assertTrue(check(tx -> store().revoke(tx, NUMBER, "acme")));
        assertFalse(check(tx -> store().revoke(tx, NUMBER, "acme")));
        assertEquals(List.of("initech"), run(tx -> store().list(tx, NUMBER, "holder")).stream()
                .map(ForwardingConsent::allowedAccountId).toList());
        run(tx -> {
            store().revokeAll(tx, NUMBER);
            return null;
        });
        assertEquals(List.of(), run(tx -> store().list(tx, NUMBER, "holder")));
        assertTrue(check(tx -> store().allows(tx, "+74951230003", "holder", "acme")), "other numbers keep theirs");
    }
}
