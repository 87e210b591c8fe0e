package io.vpbx.server;

class ScheduleApiPostgresTest extends ScheduleApiContract {
    ScheduleApiPostgresTest() {
        super("postgresql");
    }
}
