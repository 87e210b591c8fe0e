package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.StoredApiKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every ApiKeyStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface ApiKeyStoreContract extends StoreContract {
    ApiKeyStore apiKeys();

    Instant T0 = Instant.parse("2026-12-06T20:00:00Z");

    ApiKeys GENERATOR = new ApiKeys(new SecureRandom());

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private ApiKey add(String accountId, String name, Instant at, Instant expires) {
        ApiKey key = GENERATOR.generate();
        Principal owner = accountId == null ? Principal.operator(key.id()) : Principal.account(accountId, key.id());
        inTx(tx -> {
            apiKeys().add(tx, key, owner, name, at, expires);
            return null;
        });
        return key;
    }

    private boolean check(TxWork<Boolean> work) {
        return inTx(work);
    }

    @Test
    default void keysAreFoundByHashAndListedPerAccountOldestFirst() {
        ApiKey first = add("acc-1", "first", T0, null);
        ApiKey second = add("acc-1", "CI", T0.plusSeconds(60), T0.plus(Duration.ofDays(1)));
        add("acc-2", "other", T0, null);
        add(null, "operator key", T0, null);

        StoredApiKey found = inTx(tx -> apiKeys().findByHash(tx, second.hash())).orElseThrow();
        assertEquals(new StoredApiKey(second.id(), "acc-1", io.vpbx.admin.domain.account.Role.ACCOUNT, "CI", second.prefix(), T0.plusSeconds(60),
                T0.plus(Duration.ofDays(1)), null, null), found);
        assertEquals(Principal.account("acc-1", second.id()), found.principal());
        assertEquals(List.of(first.id(), second.id()), inTx(tx -> apiKeys().list(tx, "acc-1")).stream().map(StoredApiKey::id).toList());
        assertEquals(List.of("operator key"), inTx(tx -> apiKeys().list(tx, null)).stream().map(StoredApiKey::name).toList());
        assertTrue(inTx(tx -> apiKeys().findByHash(tx, ApiKeys.hash("vpbx_unknown"))).isEmpty());
    }

    @Test
    default void aRevokedKeyIsNotFoundByHashButStaysListed() {
        ApiKey key = add("acc-1", "temp", T0, null);
        assertTrue(check(tx -> apiKeys().revoke(tx, key.id(), T0.plusSeconds(5))));
        assertFalse(check(tx -> apiKeys().revoke(tx, key.id(), T0.plusSeconds(9))), "revoked once");
        assertTrue(inTx(tx -> apiKeys().findByHash(tx, key.hash())).isEmpty());
        assertEquals(T0.plusSeconds(5), inTx(tx -> apiKeys().find(tx, key.id())).orElseThrow().revokedAt());
    }

    @Test
    default void expiryOnlyMovesSoonerAndLastUseOnlyForward() {
        ApiKey key = add("acc-1", "k", T0, T0.plus(Duration.ofHours(2)));
        inTx(tx -> {
            apiKeys().expireBy(tx, key.id(), T0.plus(Duration.ofHours(3)));
            return null;
        });
        assertEquals(T0.plus(Duration.ofHours(2)), inTx(tx -> apiKeys().find(tx, key.id())).orElseThrow().expiresAt());
        inTx(tx -> {
            apiKeys().expireBy(tx, key.id(), T0.plus(Duration.ofHours(1)));
            apiKeys().touch(tx, Map.of(key.id(), T0.plusSeconds(30)));
            apiKeys().touch(tx, Map.of(key.id(), T0.plusSeconds(10)));
            return null;
        });
        StoredApiKey read = inTx(tx -> apiKeys().find(tx, key.id())).orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(1)), read.expiresAt());
        assertEquals(T0.plusSeconds(30), read.lastUsedAt(), "a late flush never moves last use back");
        assertTrue(read.activeAt(T0.plusSeconds(3599)));
        assertFalse(read.activeAt(T0.plus(Duration.ofHours(1))));
    }
}
