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
import java.util.List;
import java.util.Optional;

public final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "id, name, created_at, contact_phone, contact_email";

    @Override
    public void create(Tx tx, Account account) throws SQLException {
        IdQueries.update(tx, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", account.id(), account.name(),
                Timestamp.from(account.createdAt()), account.contactPhone(), account.contactEmail());
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
        IdQueries.update(tx, "UPDATE accounts SET contact_phone = ? WHERE id = ?", e164, accountId);
    }

    private static Optional<Account> one(Tx tx, String sql, String accountId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcAccountStore::account, sql, accountId);
    }

    @Override
    public List<Account> list(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.page(tx, st -> IdQueries.rows(st, JdbcAccountStore::account), "SELECT " + COLUMNS + " FROM accounts",
                afterId, limit);
    }

    @Override
    public void addKey(Tx tx, ApiKey key, Principal principal, Instant at) throws SQLException {
        IdQueries.update(tx, "INSERT INTO api_keys (id, account_id, role, key_hash, key_prefix, created_at, key_name) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", key.id(), principal.accountId(), principal.role().name(), key.hash(),
                key.prefix(), Timestamp.from(at), principal.role() == Role.OPERATOR ? "operator key" : "first key");
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
        return IdQueries.exists(tx, "SELECT 1 FROM api_keys WHERE role = 'OPERATOR' AND revoked_at IS NULL LIMIT 1");
    }

    @Override
    public boolean hasKey(Tx tx, String keyHash) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM api_keys WHERE key_hash = ?", keyHash);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("contact_phone"), rs.getString("contact_email"));
    }
}
