package io.vpbx.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSchedulerTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> ran = new ArrayList<>();

    private Runnable record(String name) {
        return () -> ran.add(name + "@" + scheduler.nowMillis());
    }

    @Test
    void runsDueTasksInTimeThenSchedulingOrder() {
        scheduler.schedule(Duration.ofMillis(300), record("c"));
        scheduler.schedule(Duration.ofMillis(100), record("a"));
        scheduler.schedule(Duration.ofMillis(100), record("b"));
        scheduler.schedule(Duration.ofMillis(900), record("late"));

        scheduler.advanceMillis(500);

        assertEquals(List.of("a@100", "b@100", "c@300"), ran);
        assertEquals(500, scheduler.nowMillis());
        assertEquals(1, scheduler.pending());
    }

    @Test
    void cancelledTasksDoNotRunAndTasksScheduledWhileAdvancingDo() {
        Cancellable cancelled = scheduler.schedule(Duration.ofMillis(100), record("x"));
        scheduler.schedule(Duration.ofMillis(200), () -> scheduler.schedule(Duration.ofMillis(100), record("chained")));
        cancelled.cancel();

        scheduler.advanceMillis(1000);

        assertEquals(List.of("chained@300"), ran);
        assertEquals(0, scheduler.pending());
    }
}
