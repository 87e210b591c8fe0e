package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.Role;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "id, name, created_at, contact_phone, contact_email";

    @Override
    public void create(Tx tx, Account account) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, account.id());
            st.setString(2, account.name());
            st.setTimestamp(3, Timestamp.from(account.createdAt()));
            st.setString(4, account.contactPhone());
            st.setString(5, account.contactEmail());
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Account> find(Tx tx, String accountId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", accountId);
    }

    @Override
    public Optional<Account> lock(Tx tx, String accountId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM accounts WHERE id = ? FOR UPDATE", accountId);
    }

    @Override
    public void setContactPhone(Tx tx, String accountId, String e164) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE accounts SET contact_phone = ? WHERE id = ?")) {
            st.setString(1, e164);
            st.setString(2, accountId);
            st.executeUpdate();
        }
    }

    private static Optional<Account> one(Tx tx, String sql, String accountId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setString(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Account> list(Tx tx, String afterId, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM accounts WHERE id > ? ORDER BY id LIMIT ?")) {
            st.setString(1, afterId == null ? "" : afterId);
            st.setInt(2, limit);
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    accounts.add(account(rs));
                }
            }
            return accounts;
        }
    }

    @Override
    public void addKey(Tx tx, ApiKey key, Principal principal, Instant at) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "INSERT INTO api_keys (id, account_id, role, key_hash, key_prefix, created_at, key_name) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, key.id());
            st.setString(2, principal.accountId());
            st.setString(3, principal.role().name());
            st.setString(4, key.hash());
            st.setString(5, key.prefix());
            st.setTimestamp(6, Timestamp.from(at));
            st.setString(7, principal.role() == Role.OPERATOR ? "operator key" : "first key");
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Principal> findByKeyHash(Tx tx, String keyHash) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT id, account_id, role FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
            st.setString(1, keyHash);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Role role = Role.valueOf(rs.getString("role"));
                String keyId = rs.getString("id");
                return Optional.of(role == Role.OPERATOR ? Principal.operator(keyId)
                        : Principal.account(rs.getString("account_id"), keyId));
            }
        }
    }

    @Override
    public boolean hasOperatorKey(Tx tx) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT 1 FROM api_keys WHERE role = 'OPERATOR' AND revoked_at IS NULL LIMIT 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public boolean hasKey(Tx tx, String keyHash) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT 1 FROM api_keys WHERE key_hash = ?")) {
            st.setString(1, keyHash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("contact_phone"), rs.getString("contact_email"));
    }
}
