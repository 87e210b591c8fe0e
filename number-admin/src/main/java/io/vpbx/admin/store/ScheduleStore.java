package io.vpbx.admin.store;

import io.vpbx.admin.domain.schedule.SavedSchedule;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Schedules: an account's working hours, read and written whole. Reads by id are scoped to an account. */
public interface ScheduleStore extends AccountResourceStore<SavedSchedule> {
    boolean exists(Tx tx, String accountId, String scheduleId) throws SQLException;

    /** The schedule, whichever account it belongs to: for the SIP routing feed, which hears only an id. */
    Optional<SavedSchedule> findInAnyAccount(Tx tx, String scheduleId) throws SQLException;

    /** Schedules of every account by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<SavedSchedule> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException;
}
