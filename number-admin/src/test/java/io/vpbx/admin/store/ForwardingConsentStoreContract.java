package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every ForwardingConsentStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface ForwardingConsentStoreContract extends StoreContract {
    ForwardingConsentStore forwardingConsents();

    Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    String NUMBER = "+74951230002";

    @Override
    default void seed() {
        inTx(tx -> {
            for (String id : List.of("holder", "acme", "initech")) {
                accounts().create(tx, new Account(id, id, T0));
            }
            return null;
        });
    }

    private boolean check(TxWork<Boolean> work) {
        return inTx(work);
    }

    @Test
    default void aConsentCountsOnlyForItsHolderAndIsGrantedOnce() {
        assertTrue(check(tx -> forwardingConsents().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0))));
        assertFalse(check(tx -> forwardingConsents().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0.plusSeconds(9)))),
                "the first consent is kept");
        assertTrue(check(tx -> forwardingConsents().allows(tx, NUMBER, "holder", "acme")));
        assertFalse(check(tx -> forwardingConsents().allows(tx, NUMBER, "initech", "acme")), "a new holder does not inherit it");
        assertFalse(check(tx -> forwardingConsents().allows(tx, NUMBER, "holder", "initech")));
        assertEquals(List.of(new ForwardingConsent(NUMBER, "holder", "acme", T0)), inTx(tx -> forwardingConsents().list(tx, NUMBER, "holder")));
    }

    @Test
    default void revokingOneOrAllEndsTheConsents() {
        inTx(tx -> {
            forwardingConsents().grant(tx, new ForwardingConsent(NUMBER, "holder", "acme", T0));
            forwardingConsents().grant(tx, new ForwardingConsent(NUMBER, "holder", "initech", T0));
            forwardingConsents().grant(tx, new ForwardingConsent("+74951230003", "holder", "acme", T0));
            return null;
        });
        assertTrue(check(tx -> forwardingConsents().revoke(tx, NUMBER, "acme")));
        assertFalse(check(tx -> forwardingConsents().revoke(tx, NUMBER, "acme")));
        assertEquals(List.of("initech"), inTx(tx -> forwardingConsents().list(tx, NUMBER, "holder")).stream()
                .map(ForwardingConsent::allowedAccountId).toList());
        inTx(tx -> {
            forwardingConsents().revokeAll(tx, NUMBER);
            return null;
        });
        assertEquals(List.of(), inTx(tx -> forwardingConsents().list(tx, NUMBER, "holder")));
        assertTrue(check(tx -> forwardingConsents().allows(tx, "+74951230003", "holder", "acme")), "other numbers keep theirs");
    }
}
