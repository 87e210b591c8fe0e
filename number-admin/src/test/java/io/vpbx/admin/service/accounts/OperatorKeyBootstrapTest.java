package io.vpbx.admin.service.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcApiKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorKeyBootstrapTest {
    private final JdbcAccountStore accounts = new JdbcAccountStore();

    private static Authenticator authenticator(TestDatabases.TestDatabase db) {
        JdbcApiKeyStore keys = new JdbcApiKeyStore();
        return new Authenticator(db.database(), keys, new ApiKeyUsage(db.database(), keys), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Test
    void aKeyIsGeneratedOnTheFirstStartOnlyAndThenAuthenticates() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            OperatorKeyBootstrap bootstrap = new OperatorKeyBootstrap(db.database(), accounts, new ApiKeys(new SecureRandom()),
                    Clock.systemUTC());
            Optional<ApiKey> first = bootstrap.ensure(Optional.empty());
            assertTrue(first.isPresent());
            assertTrue(bootstrap.ensure(Optional.empty()).isEmpty(), "shown once: the second start generates nothing");
            Authenticator authenticator = authenticator(db);
            assertTrue(authenticator.authenticate(first.get().secret()).orElseThrow().isOperator());
            assertTrue(authenticator.authenticate(first.get().secret() + "x").isEmpty());
        }
    }

    @Test
    void aConfiguredKeyIsRegisteredByItsHashOnce() {
        try (TestDatabases.TestDatabase db = TestDatabases.postgres()) {
            OperatorKeyBootstrap bootstrap = new OperatorKeyBootstrap(db.database(), accounts, new ApiKeys(new SecureRandom()),
                    Clock.systemUTC());
            String configured = "configured-operator-key-0123456789";
            assertTrue(bootstrap.ensure(Optional.of(configured)).isEmpty());
            assertTrue(bootstrap.ensure(Optional.of(configured)).isEmpty(), "a restart with the same key changes nothing");
            db.database().inTransaction(tx -> {
                try (var st = tx.connection().createStatement()) {
                    return st.executeUpdate("UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP");
                }
            });
            assertTrue(bootstrap.ensure(Optional.of(configured)).isEmpty(), "a revoked configured key is not entered again");
            assertTrue(authenticator(db).authenticate(configured).isEmpty(), "and stays revoked");
            db.database().inTransaction(tx -> {
                try (var st = tx.connection().createStatement()) {
                    return st.executeUpdate("UPDATE api_keys SET revoked_at = NULL");
                }
            });
            assertTrue(authenticator(db).authenticate(configured).orElseThrow().isOperator());
            String stored = db.database().inTransaction(tx -> {
                try (var st = tx.connection().createStatement(); var rs = st.executeQuery("SELECT key_hash FROM api_keys")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals(ApiKeys.hash(configured), stored, "only the hash is stored");
        }
    }
}
