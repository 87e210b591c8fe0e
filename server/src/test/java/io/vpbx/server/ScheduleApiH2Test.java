package io.vpbx.server;

class ScheduleApiH2Test extends ScheduleApiContract {
    ScheduleApiH2Test() {
        super("h2");
    }
}
