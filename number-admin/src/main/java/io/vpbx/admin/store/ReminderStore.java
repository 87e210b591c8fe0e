package io.vpbx.admin.store;

import java.sql.SQLException;
import java.time.Instant;

/** Which compliance reminders went out: one per number, deadline and "days before". */
public interface ReminderStore {
    /** Records the reminder; false when it was already recorded (sent before, here or by another node). */
    boolean record(Tx tx, String e164, Instant deadline, int daysBefore, Instant at) throws SQLException;
}
