package io.vpbx.admin.store;

import io.vpbx.admin.domain.limits.LimitSettings;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The limits the operator set per account, and what an account holds and bought, counted against them. */
public interface AccountLimitStore {

    /** An account's settings with the account id, for pages of every account's settings. */
    record Entry(String accountId, LimitSettings settings) {
    }

    /** The operator's settings for the account; empty when it never set any (every limit is the default). */
    Optional<LimitSettings> find(Tx tx, String accountId) throws SQLException;

    /** Replaces the account's settings. */
    void save(Tx tx, String accountId, LimitSettings settings, Instant at) throws SQLException;

    /** Accounts with settings after {@code afterAccountId}, in account id order, at most {@code limit}. */
    List<Entry> list(Tx tx, String afterAccountId, int limit) throws SQLException;

    /** Numbers the account holds in reservations that have not expired at {@code now}. */
    int reservedNumbers(Tx tx, String accountId, Instant now) throws SQLException;

    /** Remembers that the account bought the number at {@code at}. */
    void recordPurchase(Tx tx, String accountId, String e164, Instant at) throws SQLException;

    /** Numbers the account bought at or after {@code since}. */
    int purchasesSince(Tx tx, String accountId, Instant since) throws SQLException;

    /** The earliest purchase at or after {@code since}, if any: when a sliding window frees its first slot. */
    Optional<Instant> firstPurchaseSince(Tx tx, String accountId, Instant since) throws SQLException;
}
