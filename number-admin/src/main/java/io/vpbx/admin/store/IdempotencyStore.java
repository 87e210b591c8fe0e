package io.vpbx.admin.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Remembers the answer to a request sent with an Idempotency-Key, so that a retry gets the same answer. */
public interface IdempotencyStore {

    record StoredResponse(String requestHash, int status, String body) {
    }

    /**
     * Claims the key for this account inside the caller's transaction. Returns the stored answer when the
     * key was used before (the caller replays it), or empty when the caller now owns the key and must
     * {@link #complete} it in the same transaction. A concurrent claim waits on the row lock.
     */
    Optional<StoredResponse> claim(Tx tx, String accountId, String key, String requestHash, Instant at) throws SQLException;

    void complete(Tx tx, String accountId, String key, int status, String body) throws SQLException;

    int purgeOlderThan(Tx tx, Instant cutoff) throws SQLException;
}
