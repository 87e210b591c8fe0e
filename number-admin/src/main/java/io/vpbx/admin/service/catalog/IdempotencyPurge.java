package io.vpbx.admin.service.catalog;

import io.vpbx.admin.store.IdempotencyStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Duration;

/** Forgets stored answers to idempotent requests after the retention (api.idempotency-retention). */
public final class IdempotencyPurge {
    private final Transactions transactions;
    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyPurge(Transactions transactions, IdempotencyStore store, Clock clock, Duration retention) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Returns how many keys were forgotten. */
    public int purgeOnce() {
        return transactions.inTransaction(tx -> store.purgeOlderThan(tx, clock.instant().minus(retention)));
    }
}
