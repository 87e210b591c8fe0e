package io.vpbx.admin.service;

import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Transactions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the holder of a bearer key. Known keys are remembered by hash so that a busy client costs one
 * hash per request, not a database round trip; the memory is bounded and cleared when full.
 */
public final class Authenticator {
    private static final int MAX_REMEMBERED = 10_000;

    private final Transactions transactions;
    private final AccountStore accounts;
    private final Map<String, Principal> known = new ConcurrentHashMap<>();

    public Authenticator(Transactions transactions, AccountStore accounts) {
        this.transactions = transactions;
        this.accounts = accounts;
    }

    /** The holder when the key was seen before: no database work, safe on an event loop. */
    public Optional<Principal> remembered(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(known.get(ApiKeys.hash(secret)));
    }

    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(secret);
        Principal cached = known.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Principal> found = transactions.inTransaction(tx -> accounts.findByKeyHash(tx, hash));
        found.ifPresent(principal -> {
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.put(hash, principal);
        });
        return found;
    }
}
