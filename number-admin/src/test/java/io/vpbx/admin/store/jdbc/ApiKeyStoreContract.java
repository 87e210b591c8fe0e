package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.StoredApiKey;
import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.TxWork;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ApiKeyStore must do; run against H2 and PostgreSQL by the subclasses. */
abstract class ApiKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");

    private final String kind;
    private final ApiKeys generator = new ApiKeys(new SecureRandom());
    private TestDatabases.TestDatabase db;

    ApiKeyStoreContract(String kind) {
        this.kind = kind;
    }

    abstract ApiKeyStore store();

    @BeforeEach
    void open() {
        db = TestDatabases.of(kind);
        run(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
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

    private ApiKey add(String accountId, String name, Instant at, Instant expires) {
        ApiKey key = generator.generate();
        Principal owner = accountId == null ? Principal.operator(key.id()) : Principal.account(accountId, key.id());
        run(tx -> {
            store().add(tx, key, owner, name, at, expires);
            return null;
        });
        return key;
    }

    @Test
    void keysAreFoundByHashAndListedPerAccountOldestFirst() {
        ApiKey first = add("acc-1", "first", T0, null);
        ApiKey second = add("acc-1", "CI", T0.plusSeconds(60), T0.plus(Duration.ofDays(1)));
        add("acc-2", "other", T0, null);
        add(null, "operator key", T0, null);

        StoredApiKey found = run(tx -> store().findByHash(tx, second.hash())).orElseThrow();
        assertEquals(new StoredApiKey(second.id(), "acc-1", io.vpbx.admin.domain.account.Role.ACCOUNT, "CI", second.prefix(), T0.plusSeconds(60),
                T0.plus(Duration.ofDays(1)), null, null), found);
        assertEquals(Principal.account("acc-1", second.id()), found.principal());
        assertEquals(List.of(first.id(), second.id()), run(tx -> store().list(tx, "acc-1")).stream().map(StoredApiKey::id).toList());
        assertEquals(List.of("operator key"), run(tx -> store().list(tx, null)).stream().map(StoredApiKey::name).toList());
        assertTrue(run(tx -> store().findByHash(tx, ApiKeys.hash("vpbx_unknown"))).isEmpty());
    }

    @Test
    void aRevokedKeyIsNotFoundByHashButStaysListed() {
        ApiKey key = add("acc-1", "temp", T0, null);
        assertTrue(check(tx -> store().revoke(tx, key.id(), T0.plusSeconds(5))));
        assertFalse(check(tx -> store().revoke(tx, key.id(), T0.plusSeconds(9))), "revoked once");
        assertTrue(run(tx -> store().findByHash(tx, key.hash())).isEmpty());
        assertEquals(T0.plusSeconds(5), run(tx -> store().find(tx, key.id())).orElseThrow().revokedAt());
    }

    @Test
    void expiryOnlyMovesSoonerAndLastUseOnlyForward() {
        ApiKey key = add("acc-1", "k", T0, T0.plus(Duration.ofHours(2)));
        run(tx -> {
            store().expireBy(tx, key.id(), T0.plus(Duration.ofHours(3)));
            return null;
        });
        assertEquals(T0.plus(Duration.ofHours(2)), run(tx -> store().find(tx, key.id())).orElseThrow().expiresAt());
        run(tx -> {
            store().expireBy(tx, key.id(), T0.plus(Duration.ofHours(1)));
            store().touch(tx, Map.of(key.id(), T0.plusSeconds(30)));
            store().touch(tx, Map.of(key.id(), T0.plusSeconds(10)));
            return null;
        });
        StoredApiKey read = run(tx -> store().find(tx, key.id())).orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(1)), read.expiresAt());
        assertEquals(T0.plusSeconds(30), read.lastUsedAt(), "a late flush never moves last use back");
        assertTrue(read.activeAt(T0.plusSeconds(3599)));
        assertFalse(read.activeAt(T0.plus(Duration.ofHours(1))));
    }
}
