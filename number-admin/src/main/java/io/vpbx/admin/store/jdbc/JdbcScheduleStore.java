package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.schedule.SavedSchedule;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.store.ScheduleStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.schedule.Schedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Schedules in one row each: the week and the exceptions as the API's JSON. */
public final class JdbcScheduleStore implements ScheduleStore {
    private static final String SELECT = "SELECT id, account_id, name, time_zone, week, exceptions, created_at, updated_at FROM schedules";

    private final ScheduleHoursCodec codec;
    private final ObjectMapper mapper;

    public JdbcScheduleStore(ScheduleHoursCodec codec, ObjectMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
    }

    @Override
    public boolean exists(Tx tx, String accountId, String scheduleId) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM schedules WHERE id = ? AND account_id = ?", scheduleId, accountId);
    }

    @Override
    public void create(Tx tx, SavedSchedule s) throws SQLException {
        Schedule schedule = s.schedule();
        IdQueries.update(tx, "INSERT INTO schedules (id, account_id, name, time_zone, week, exceptions, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", schedule.id(), schedule.accountId(), schedule.name(),
                schedule.zone().getId(), week(schedule), exceptions(schedule), Timestamp.from(s.createdAt()),
                Timestamp.from(s.updatedAt()));
    }

    @Override
    public Optional<SavedSchedule> find(Tx tx, String accountId, String scheduleId) throws SQLException {
        return IdQueries.firstRow(tx, this::row, SELECT + " WHERE id = ? AND account_id = ?", scheduleId, accountId);
    }

    @Override
    public Optional<SavedSchedule> lock(Tx tx, String accountId, String scheduleId) throws SQLException {
        return IdQueries.firstRow(tx, this::row, SELECT + " WHERE id = ? AND account_id = ? FOR UPDATE", scheduleId, accountId);
    }

    @Override
    public Optional<SavedSchedule> findInAnyAccount(Tx tx, String scheduleId) throws SQLException {
        return IdQueries.firstRow(tx, this::row, SELECT + " WHERE id = ?", scheduleId);
    }

    @Override
    public List<SavedSchedule> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, st -> IdQueries.rows(st, this::row), SELECT, accountId, afterId, limit);
    }

    @Override
    public List<SavedSchedule> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.page(tx, st -> IdQueries.rows(st, this::row), SELECT, afterId, limit);
    }

    @Override
    public void update(Tx tx, SavedSchedule s) throws SQLException {
        Schedule schedule = s.schedule();
        IdQueries.updateOne(tx, "schedule " + schedule.id(), "UPDATE schedules SET name = ?, time_zone = ?, week = ?, "
                        + "exceptions = ?, updated_at = ? WHERE id = ? AND account_id = ?", schedule.name(),
                schedule.zone().getId(), week(schedule), exceptions(schedule), Timestamp.from(s.updatedAt()),
                schedule.id(), schedule.accountId());
    }

    @Override
    public boolean delete(Tx tx, String accountId, String scheduleId) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM schedules WHERE id = ? AND account_id = ?", scheduleId, accountId) == 1;
    }

    private String week(Schedule schedule) {
        return codec.writeWeek(schedule.week()).toString();
    }

    private String exceptions(Schedule schedule) {
        return codec.writeExceptions(schedule.exceptions()).toString();
    }

    private SavedSchedule row(ResultSet rs) throws SQLException {
        try {
            Schedule schedule = new Schedule(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                    ZoneId.of(rs.getString("time_zone")), codec.readWeek("week", mapper.readTree(rs.getString("week"))),
                    codec.readExceptions("exceptions", mapper.readTree(rs.getString("exceptions"))));
            return new SavedSchedule(schedule, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("schedule " + rs.getString("id") + " holds JSON that does not parse", e);
        }
    }
}
