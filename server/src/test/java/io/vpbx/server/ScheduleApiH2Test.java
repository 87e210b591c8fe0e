package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleApiH2Test extends ScheduleApiContract {
    ScheduleApiH2Test() {
        super("h2");
    }

    /** On H2 a restart keeps the data folder (a PostgreSQL test server gets a fresh schema), so the load at start shows. */
    @Test
    void aRestartedServerLoadsEverySchedule() {
        String id = create(acme, OFFICE);
        String other = create(globex, "{\"name\":\"Night\",\"time_zone\":\"Asia/Shanghai\"}");
        restart();
        assertEquals("Europe/Moscow", running.server.routingTable().schedule(id).orElseThrow().zone().getId());
        assertEquals(2, running.server.routingTable().schedule(id).orElseThrow().exceptions().size());
        assertTrue(running.server.routingTable().schedule(other).isPresent());
    }
}
