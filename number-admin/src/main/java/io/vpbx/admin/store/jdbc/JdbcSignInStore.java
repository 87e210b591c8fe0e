package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.people.FailureCount;
import io.vpbx.admin.domain.people.LoginAttempt;
import io.vpbx.admin.domain.people.SignInOutcome;
import io.vpbx.admin.store.SignInStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcSignInStore implements SignInStore {
    private static final String JOURNAL_COLUMNS = "id, at, account_id, user_id, email, source_ip, user_agent, outcome";

    @Override
    public Optional<FailureCount> failures(Tx tx, String subject) throws SQLException {
        return IdQueries.firstRow(tx, rs -> new FailureCount(rs.getString("subject"), rs.getInt("failures"),
                IdQueries.instant(rs, "last_failure_at"), IdQueries.instant(rs, "locked_until")),
                "SELECT subject, failures, last_failure_at, locked_until FROM sign_in_failures WHERE subject = ? FOR UPDATE", subject);
    }

    @Override
    public void saveFailures(Tx tx, FailureCount count) throws SQLException {
        Object[] update = {count.failures(), Timestamp.from(count.lastFailureAt()), IdQueries.timestamp(count.lockedUntil()),
                count.subject()};
        String sql = "UPDATE sign_in_failures SET failures = ?, last_failure_at = ?, locked_until = ? WHERE subject = ?";
        if (IdQueries.update(tx, sql, update) == 0
                && IdQueries.update(tx, "INSERT INTO sign_in_failures (subject, failures, last_failure_at, locked_until) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", count.subject(), count.failures(),
                Timestamp.from(count.lastFailureAt()), IdQueries.timestamp(count.lockedUntil())) == 0) {
            IdQueries.update(tx, sql, update); // another node inserted the row between our update and insert
        }
    }

    @Override
    public void clearFailures(Tx tx, String subject) throws SQLException {
        IdQueries.update(tx, "DELETE FROM sign_in_failures WHERE subject = ?", subject);
    }

    @Override
    public int purgeFailures(Tx tx, Instant before) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM sign_in_failures WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)",
                Timestamp.from(before), Timestamp.from(before));
    }

    @Override
    public void journal(Tx tx, LoginAttempt a) throws SQLException {
        IdQueries.update(tx, "INSERT INTO login_journal (at, account_id, user_id, email, source_ip, user_agent, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(a.at()), a.accountId(), a.userId(), a.email(), a.sourceIp(),
                a.userAgent(), a.outcome().wireName());
    }

    @Override
    public int purgeJournal(Tx tx, Instant before) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM login_journal WHERE at < ?", Timestamp.from(before));
    }

    @Override
    public List<LoginAttempt> journalPage(Tx tx, String accountId, boolean everyAccount, Long beforeId, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + JOURNAL_COLUMNS + " FROM login_journal WHERE id < ?");
        List<Object> values = new ArrayList<>(List.of(beforeId == null ? Long.MAX_VALUE : beforeId));
        if (!everyAccount) {
            if (accountId == null) {
                sql.append(" AND account_id IS NULL");
            } else {
                sql.append(" AND account_id = ?");
                values.add(accountId);
            }
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        values.add(limit);
        return IdQueries.query(tx, rs -> new LoginAttempt(rs.getLong("id"), IdQueries.instant(rs, "at"), rs.getString("account_id"),
                rs.getString("user_id"), rs.getString("email"), rs.getString("source_ip"), rs.getString("user_agent"),
                SignInOutcome.of(rs.getString("outcome"))), sql.toString(), values.toArray());
    }
}
