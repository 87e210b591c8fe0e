package io.vpbx.admin.service.accounts;

import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes sure the operator can call the API: the key from configuration ({@code VPBX_OPERATOR_KEY}) is
 * registered by its hash; without one, a key is generated on the first start only and handed back
 * for the caller to show once.
 */
public final class OperatorKeyBootstrap {
    private final Transactions transactions;
    private final AccountStore accounts;
    private final ApiKeys keys;
    private final Clock clock;

    public OperatorKeyBootstrap(Transactions transactions, AccountStore accounts, ApiKeys keys, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.keys = keys;
        this.clock = clock;
    }

    /** The generated key when one had to be made now; empty when a key was configured or already exists. */
    public Optional<ApiKey> ensure(Optional<String> configuredKey) {
        return transactions.inTransaction(tx -> {
            if (configuredKey.isPresent()) {
                ApiKey key = keys.fromSecret(configuredKey.get());
                // A configured key revoked through the API stays revoked: the operator configures a new one.
                if (!accounts.hasKey(tx, key.hash())) {
                    accounts.addKey(tx, key, Principal.operator(key.id()), clock.instant());
                }
                return Optional.empty();
            }
            if (accounts.hasOperatorKey(tx)) {
                return Optional.empty();
            }
            ApiKey key = keys.generate();
            accounts.addKey(tx, key, Principal.operator(key.id()), clock.instant());
            return Optional.of(key);
        });
    }
}
