package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.NullableColumns.bool;
import static io.vpbx.admin.store.jdbc.NullableColumns.getBoolean;
import static io.vpbx.admin.store.jdbc.NullableColumns.getInt;
import static io.vpbx.admin.store.jdbc.NullableColumns.integer;

import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.admin.store.AccountLimitStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public final class JdbcAccountLimitStore implements AccountLimitStore {
    private static final String COLUMNS = "account_id, max_reserved_numbers, purchases_per_hour, purchases_per_day, "
            + "concurrent_calls, calls_per_minute, max_call_seconds, allow_international, allow_premium, allowed_prefixes";

    @Override
    public Optional<LimitSettings> find(Tx tx, String accountId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcAccountLimitStore::read, "SELECT " + COLUMNS + " FROM account_limits WHERE account_id = ?",
                accountId);
    }

    @Override
    public void save(Tx tx, String accountId, LimitSettings s, Instant at) throws SQLException {
        Object[] values = {integer(s.maxReservedNumbers()), integer(s.purchasesPerHour()), integer(s.purchasesPerDay()),
                integer(s.concurrentCalls()), integer(s.callsPerMinute()), integer(s.maxCallSeconds()),
                bool(s.allowInternational()), bool(s.allowPremium()),
                s.allowedPrefixes() == null ? null : String.join(",", s.allowedPrefixes()), Timestamp.from(at), accountId};
        if (IdQueries.update(tx, "UPDATE account_limits SET max_reserved_numbers = ?, purchases_per_hour = ?, "
                + "purchases_per_day = ?, concurrent_calls = ?, calls_per_minute = ?, max_call_seconds = ?, "
                + "allow_international = ?, allow_premium = ?, allowed_prefixes = ?, updated_at = ? WHERE account_id = ?",
                values) == 1) {
            return;
        }
        IdQueries.update(tx, "INSERT INTO account_limits (max_reserved_numbers, purchases_per_hour, purchases_per_day, "
                + "concurrent_calls, calls_per_minute, max_call_seconds, allow_international, allow_premium, allowed_prefixes, "
                + "updated_at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    @Override
    public List<Entry> list(Tx tx, String afterAccountId, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM account_limits WHERE account_id > ? ORDER BY account_id LIMIT ?")) {
            st.setString(1, afterAccountId == null ? "" : afterAccountId);
            st.setInt(2, limit);
            return IdQueries.rows(st, rs -> new Entry(rs.getString("account_id"), read(rs)));
        }
    }

    @Override
    public int reservedNumbers(Tx tx, String accountId, Instant now) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT COUNT(*) FROM numbers "
                + "WHERE account_id = ? AND state = 'reserved' AND reserved_until > ?")) {
            st.setString(1, accountId);
            st.setTimestamp(2, Timestamp.from(now));
            return count(st);
        }
    }

    @Override
    public void recordPurchase(Tx tx, String accountId, String e164, Instant at) throws SQLException {
        IdQueries.update(tx, "INSERT INTO number_purchases (account_id, e164, purchased_at) VALUES (?, ?, ?)", accountId, e164,
                Timestamp.from(at));
    }

    @Override
    public int purchasesSince(Tx tx, String accountId, Instant since) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT COUNT(*) FROM number_purchases WHERE account_id = ? AND purchased_at >= ?")) {
            st.setString(1, accountId);
            st.setTimestamp(2, Timestamp.from(since));
            return count(st);
        }
    }

    @Override
    public Optional<Instant> firstPurchaseSince(Tx tx, String accountId, Instant since) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT MIN(purchased_at) FROM number_purchases WHERE account_id = ? AND purchased_at >= ?")) {
            st.setString(1, accountId);
            st.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                Timestamp first = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(first).map(Timestamp::toInstant);
            }
        }
    }

    private static int count(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static LimitSettings read(ResultSet rs) throws SQLException {
        String prefixes = rs.getString("allowed_prefixes");
        return new LimitSettings(getInt(rs, "max_reserved_numbers"), getInt(rs, "purchases_per_hour"),
                getInt(rs, "purchases_per_day"), getInt(rs, "concurrent_calls"), getInt(rs, "calls_per_minute"),
                getInt(rs, "max_call_seconds"), getBoolean(rs, "allow_international"), getBoolean(rs, "allow_premium"),
                prefixes == null ? null : prefixes.isEmpty() ? List.of() : Arrays.asList(prefixes.split(",")));
    }
}
