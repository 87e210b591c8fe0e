package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.Invitation;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "id, account_id, email, name, role, contact_phone, state, created_at, updated_at";

    @Override
    public boolean add(Tx tx, AccountUser user) throws SQLException {
        if (IdQueries.exists(tx, "SELECT 1 FROM users WHERE email = ?", user.email())) {
            return false;
        }
        IdQueries.update(tx, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", user.id(), user.accountId(),
                user.email(), user.name(), user.role().wireName(), user.contactPhone(), user.state().wireName(),
                Timestamp.from(user.createdAt()), Timestamp.from(user.updatedAt()));
        return true;
    }

    @Override
    public Optional<AccountUser> find(Tx tx, String userId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcUserStore::user, "SELECT " + COLUMNS + " FROM users WHERE id = ?", userId);
    }

    @Override
    public Optional<AccountUser> findByEmail(Tx tx, String email) throws SQLException {
        return IdQueries.firstRow(tx, JdbcUserStore::user, "SELECT " + COLUMNS + " FROM users WHERE email = ?", email);
    }

    @Override
    public List<AccountUser> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        String after = afterId == null ? "" : afterId;
        if (accountId == null) {
            return IdQueries.query(tx, JdbcUserStore::user, "SELECT " + COLUMNS
                    + " FROM users WHERE account_id IS NULL AND id > ? ORDER BY id LIMIT ?", after, limit);
        }
        return IdQueries.query(tx, JdbcUserStore::user, "SELECT " + COLUMNS
                + " FROM users WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?", accountId, after, limit);
    }

    @Override
    public void update(Tx tx, AccountUser user) throws SQLException {
        IdQueries.updateOne(tx, "user " + user.id(), "UPDATE users SET name = ?, role = ?, contact_phone = ?, state = ?, "
                + "updated_at = ? WHERE id = ?", user.name(), user.role().wireName(), user.contactPhone(), user.state().wireName(),
                Timestamp.from(user.updatedAt()), user.id());
    }

    @Override
    public void delete(Tx tx, String userId) throws SQLException {
        IdQueries.update(tx, "DELETE FROM user_sessions WHERE user_id = ?", userId);
        IdQueries.update(tx, "DELETE FROM sign_in_challenges WHERE user_id = ?", userId);
        IdQueries.update(tx, "DELETE FROM user_invitations WHERE user_id = ?", userId);
        IdQueries.update(tx, "DELETE FROM users WHERE id = ?", userId);
    }

    @Override
    public int owners(Tx tx, String accountId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> rs.getInt(1), "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = ? AND state = ?",
                accountId, UserRole.OWNER.wireName(), UserState.ACTIVE.wireName()).orElse(0);
    }

    @Override
    public Optional<String> passwordHash(Tx tx, String userId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> rs.getString(1), "SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL",
                userId);
    }

    @Override
    public void setPasswordHash(Tx tx, String userId, String hash, Instant at) throws SQLException {
        IdQueries.updateOne(tx, "user " + userId, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", hash,
                Timestamp.from(at), userId);
    }

    @Override
    public void addInvitation(Tx tx, Invitation invitation) throws SQLException {
        IdQueries.update(tx, "INSERT INTO user_invitations (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                invitation.tokenHash(), invitation.userId(), Timestamp.from(invitation.createdAt()),
                Timestamp.from(invitation.expiresAt()));
    }

    @Override
    public Optional<Invitation> invitation(Tx tx, String tokenHash) throws SQLException {
        return IdQueries.firstRow(tx, rs -> new Invitation(rs.getString("token_hash"), rs.getString("user_id"),
                IdQueries.instant(rs, "created_at"), IdQueries.instant(rs, "expires_at"), IdQueries.instant(rs, "accepted_at")),
                "SELECT token_hash, user_id, created_at, expires_at, accepted_at FROM user_invitations WHERE token_hash = ?",
                tokenHash);
    }

    @Override
    public boolean acceptInvitation(Tx tx, String tokenHash, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE user_invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL",
                Timestamp.from(at), tokenHash) == 1;
    }

    private static AccountUser user(ResultSet rs) throws SQLException {
        return new AccountUser(rs.getString("id"), rs.getString("account_id"), rs.getString("email"), rs.getString("name"),
                UserRole.of(rs.getString("role")).orElseThrow(), rs.getString("contact_phone"), UserState.of(rs.getString("state")),
                IdQueries.instant(rs, "created_at"), IdQueries.instant(rs, "updated_at"));
    }
}
