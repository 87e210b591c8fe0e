package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ReminderStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Reminders sent, keyed by number, deadline and days before. The check and the insert run in the sweep's transaction;
 * two nodes racing past the check meet the primary key, and the loser's transaction rolls back with its reminder.
 */
public final class JdbcReminderStore implements ReminderStore {
    @Override
    public boolean record(Tx tx, String e164, Instant deadline, int daysBefore, Instant at) throws SQLException {
        if (IdQueries.exists(tx, "SELECT 1 FROM compliance_reminders WHERE e164 = ? AND deadline_at = ? AND days_before = ?", e164,
                Timestamp.from(deadline), daysBefore)) {
            return false;
        }
        IdQueries.update(tx, "INSERT INTO compliance_reminders (e164, deadline_at, days_before, sent_at) VALUES (?, ?, ?, ?)", e164,
                Timestamp.from(deadline), daysBefore, Timestamp.from(at));
        return true;
    }
}
