package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.schedule.SavedSchedule;
import io.vpbx.telephony.schedule.DateException;
import io.vpbx.telephony.schedule.Schedule;
import io.vpbx.telephony.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every ScheduleStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface ScheduleStoreContract extends AccountResourceStoreContract<SavedSchedule> {
    ScheduleStore schedules();

    @Override
    default AccountResourceStore<SavedSchedule> resources() {
        return schedules();
    }

    @Override
    default SavedSchedule resource(String id, String accountId, int n) {
        return new SavedSchedule(new Schedule(id, accountId, "Schedule " + n, ZoneId.of("Europe/Moscow"),
                Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "18:00"))), List.of()), T0, T0);
    }

    @Override
    default String idOf(SavedSchedule schedule) {
        return schedule.id();
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(LocalTime.parse(from), LocalTime.parse(to));
    }

    @Test
    default void aScheduleReadsBackWithItsWeekExceptionsAndZone() {
        SavedSchedule office = new SavedSchedule(new Schedule("s-1", "acc-1", "Office", ZoneId.of("America/New_York"),
                Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "12:00"), range("13:00", "18:00")),
                        DayOfWeek.SATURDAY, List.of(range("22:00", "00:00")), DayOfWeek.SUNDAY, List.of()),
                List.of(new DateException(LocalDate.of(2026, 12, 31), "New Year's Eve", List.of(range("09:00", "15:00"))),
                        new DateException(LocalDate.of(2027, 1, 1), "New Year", List.of()))), T0, T0.plusSeconds(5));
        create(office);
        assertEquals(Optional.of(office), find("acc-1", "s-1"));
        assertEquals(Optional.of(office), inTx(tx -> schedules().lock(tx, "acc-1", "s-1")));
        assertEquals(Optional.of(office), inTx(tx -> schedules().findInAnyAccount(tx, "s-1")));
        assertTrue(holds(tx -> schedules().exists(tx, "acc-1", "s-1")));
        assertFalse(holds(tx -> schedules().exists(tx, "acc-2", "s-1")));
    }

    @Test
    default void anUpdateReplacesHoursAndZoneButKeepsTheCreationTime() {
        create(resource("s-1", "acc-1", 1));
        SavedSchedule changed = new SavedSchedule(new Schedule("s-1", "acc-1", "Renamed", ZoneId.of("Asia/Shanghai"),
                Map.of(), List.of(new DateException(LocalDate.of(2027, 2, 17), "Spring Festival", List.of()))),
                T0.plusSeconds(99), T0.plusSeconds(60));
        inTx(tx -> {
            schedules().update(tx, changed);
            return null;
        });
        SavedSchedule read = find("acc-1", "s-1").orElseThrow();
        assertEquals(changed.schedule(), read.schedule());
        assertEquals(T0, read.createdAt());
        assertEquals(T0.plusSeconds(60), read.updatedAt());
    }

    @Test
    default void theRoutingFeedListsEveryAccountsSchedules() {
        create(resource("s-1", "acc-1", 1));
        create(resource("s-2", "acc-2", 2));
        create(resource("s-3", "acc-1", 3));
        assertEquals(List.of("s-1", "s-2", "s-3"), inTx(tx -> schedules().listAllAccounts(tx, null, 10)).stream()
                .map(SavedSchedule::id).toList());
        assertEquals(List.of("s-3"), inTx(tx -> schedules().listAllAccounts(tx, "s-2", 10)).stream().map(SavedSchedule::id).toList());
        assertEquals(List.of("s-1", "s-3"), inTx(tx -> schedules().list(tx, "acc-1", null, 10)).stream().map(SavedSchedule::id).toList());
    }
}
