package io.vpbx.admin.service.accounts;

import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.Transactions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each API key was last used, collected in memory on the request path (one map write) and written by
 * {@link #flush()} with the periodic maintenance: one row update per key used since the last flush, however
 * many requests it made. A node that stops without flushing loses at most one interval of last-use times.
 */
public final class ApiKeyUsage {
    private final Transactions transactions;
    private final ApiKeyStore keys;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    public ApiKeyUsage(Transactions transactions, ApiKeyStore keys) {
        this.transactions = transactions;
        this.keys = keys;
    }

    void used(String keyId, Instant at) {
        pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes the last uses gathered since the previous flush; returns how many keys were written. */
    public int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : pending.keySet()) {
            Instant at = pending.remove(keyId);
            if (at != null) {
                batch.put(keyId, at);
            }
        }
        transactions.inTransaction(tx -> {
            keys.touch(tx, batch);
            return null;
        });
        return batch.size();
    }
}
