package io.vpbx.admin.service.accounts;

import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.StoredApiKey;
import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the holder of a bearer key. Known keys are remembered by hash so that a busy client costs one
 * hash per request, not a database round trip; the memory is bounded and cleared when full. A remembered
 * key is checked against its expiry on every request and read again after {@code recheckAfter}, so a key
 * revoked through another node stops working within that time (at once on the node that revoked it).
 * Each use is noted in {@link ApiKeyUsage}, which writes last-use times in batches off the request path.
 */
public final class Authenticator {
    private static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_SECRET_LENGTH = 200;

    private record Known(Principal principal, Instant expiresAt, Instant readAt) {
    }

    private final Transactions transactions;
    private final ApiKeyStore keys;
    private final ApiKeyUsage usage;
    private final Clock clock;
    private final Duration recheckAfter;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public Authenticator(Transactions transactions, ApiKeyStore keys, ApiKeyUsage usage, Clock clock, Duration recheckAfter) {
        this.transactions = transactions;
        this.keys = keys;
        this.usage = usage;
        this.clock = clock;
        this.recheckAfter = recheckAfter;
    }

    /** The holder when the key was seen recently: no database work, safe on an event loop. */
    public Optional<Principal> remembered(String secret) {
        if (!plausible(secret)) {
            return Optional.empty();
        }
        Known entry = known.get(ApiKeys.hash(secret));
        Instant now = clock.instant();
        if (entry == null || !fresh(entry, now)) {
            return Optional.empty();
        }
        usage.used(entry.principal().keyId(), now);
        return Optional.of(entry.principal());
    }

    public Optional<Principal> authenticate(String secret) {
        Optional<Principal> remembered = remembered(secret);
        if (remembered.isPresent() || !plausible(secret)) {
            return remembered;
        }
        String hash = ApiKeys.hash(secret);
        Optional<StoredApiKey> found = transactions.inTransaction(tx -> keys.findByHash(tx, hash));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().activeAt(now)) {
            known.remove(hash);
            return Optional.empty();
        }
        StoredApiKey key = found.get();
        if (known.size() >= MAX_REMEMBERED) {
            known.clear();
        }
        known.put(hash, new Known(key.principal(), key.expiresAt(), now));
        usage.used(key.id(), now);
        return Optional.of(key.principal());
    }

    /** Forgets a key at once (revoked or shortened on this node); the next request reads it again. */
    public void forget(String keyId) {
        known.values().removeIf(entry -> entry.principal().keyId().equals(keyId));
    }

    private boolean fresh(Known entry, Instant now) {
        return (entry.expiresAt() == null || now.isBefore(entry.expiresAt())) && now.isBefore(entry.readAt().plus(recheckAfter));
    }

    private static boolean plausible(String secret) {
        return secret != null && !secret.isEmpty() && secret.length() <= MAX_SECRET_LENGTH;
    }
}
