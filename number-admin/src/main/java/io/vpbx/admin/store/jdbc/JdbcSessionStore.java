package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.people.SignInChallenge;
import io.vpbx.admin.domain.people.UserSession;
import io.vpbx.admin.store.SessionStore;
import io.vpbx.admin.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcSessionStore implements SessionStore {
    private static final String CHALLENGE_COLUMNS = "id, user_id, code_hash, salt, attempts_left, expires_at, created_at, used_at";
    private static final String SESSION_COLUMNS =
            "id, token_hash, user_id, created_at, last_seen_at, expires_at, source_ip, user_agent, revoked_at";

    @Override
    public void addChallenge(Tx tx, SignInChallenge c) throws SQLException {
        IdQueries.update(tx, "INSERT INTO sign_in_challenges (" + CHALLENGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.id(),
                c.userId(), c.codeHash(), c.salt(), c.attemptsLeft(), Timestamp.from(c.expiresAt()), Timestamp.from(c.createdAt()),
                IdQueries.timestamp(c.usedAt()));
    }

    @Override
    public Optional<SignInChallenge> challenge(Tx tx, String challengeId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> new SignInChallenge(rs.getString("id"), rs.getString("user_id"), rs.getString("code_hash"),
                rs.getString("salt"), rs.getInt("attempts_left"), IdQueries.instant(rs, "expires_at"),
                IdQueries.instant(rs, "created_at"), IdQueries.instant(rs, "used_at")),
                "SELECT " + CHALLENGE_COLUMNS + " FROM sign_in_challenges WHERE id = ? FOR UPDATE", challengeId);
    }

    @Override
    public void spendAttempt(Tx tx, String challengeId) throws SQLException {
        IdQueries.update(tx, "UPDATE sign_in_challenges SET attempts_left = attempts_left - 1 WHERE id = ? AND attempts_left > 0",
                challengeId);
    }

    @Override
    public boolean useChallenge(Tx tx, String challengeId, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE sign_in_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL",
                Timestamp.from(at), challengeId) == 1;
    }

    @Override
    public void addSession(Tx tx, UserSession s) throws SQLException {
        IdQueries.update(tx, "INSERT INTO user_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(),
                s.tokenHash(), s.userId(), Timestamp.from(s.createdAt()), Timestamp.from(s.lastSeenAt()),
                Timestamp.from(s.expiresAt()), s.sourceIp(), s.userAgent(), IdQueries.timestamp(s.revokedAt()));
    }

    @Override
    public Optional<UserSession> sessionByTokenHash(Tx tx, String tokenHash) throws SQLException {
        return IdQueries.firstRow(tx, JdbcSessionStore::session, "SELECT " + SESSION_COLUMNS + " FROM user_sessions WHERE token_hash = ?",
                tokenHash);
    }

    @Override
    public Optional<UserSession> session(Tx tx, String sessionId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcSessionStore::session, "SELECT " + SESSION_COLUMNS + " FROM user_sessions WHERE id = ?",
                sessionId);
    }

    @Override
    public void touch(Tx tx, String sessionId, Instant at) throws SQLException {
        IdQueries.update(tx, "UPDATE user_sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", Timestamp.from(at),
                sessionId, Timestamp.from(at));
    }

    @Override
    public boolean revoke(Tx tx, String sessionId, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE user_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(at), sessionId) == 1;
    }

    @Override
    public int revokeAllOf(Tx tx, String userId, String keep, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE user_sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL",
                Timestamp.from(at), userId, keep == null ? "" : keep);
    }

    @Override
    public int purgeEnded(Tx tx, Instant before) throws SQLException {
        Timestamp at = Timestamp.from(before);
        return IdQueries.update(tx, "DELETE FROM sign_in_challenges WHERE expires_at < ?", at)
                + IdQueries.update(tx, "DELETE FROM user_sessions WHERE expires_at < ? OR revoked_at < ?", at, at);
    }

    @Override
    public List<UserSession> sessionsOf(Tx tx, String userId, Instant now) throws SQLException {
        return IdQueries.query(tx, JdbcSessionStore::session, "SELECT " + SESSION_COLUMNS + " FROM user_sessions WHERE user_id = ? "
                + "AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id LIMIT 100", userId, Timestamp.from(now));
    }

    private static UserSession session(ResultSet rs) throws SQLException {
        return new UserSession(rs.getString("id"), rs.getString("token_hash"), rs.getString("user_id"),
                IdQueries.instant(rs, "created_at"), IdQueries.instant(rs, "last_seen_at"), IdQueries.instant(rs, "expires_at"),
                rs.getString("source_ip"), rs.getString("user_agent"), IdQueries.instant(rs, "revoked_at"));
    }
}
