package io.vpbx.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    /** 10 ms ticks, 8 slots: one turn is 80 ms, so delays of several turns are exercised with small numbers. */
    private final TimerWheel wheel = new TimerWheel(Duration.ofMillis(10), 8);
    private final List<String> ran = new ArrayList<>();
    private int ticks;

    private Runnable record(String name) {
        return () -> ran.add(name + "@" + ticks * 10);
    }

    private void tickMillis(int millis) {
        for (int i = 0; i < millis / 10; i++) {
            ticks++;
            wheel.tick();
        }
    }

    @Test
    void aTimerRunsAtTheFirstTickAtOrAfterItsDelay() {
        wheel.schedule(Duration.ofMillis(25), record("a"));
        wheel.schedule(Duration.ofMillis(30), record("b"));
        wheel.schedule(Duration.ZERO, record("now"));

        tickMillis(20);
        assertEquals(List.of("now@10"), ran, "nothing before its delay; a zero delay waits for the next tick");

        tickMillis(10);
        assertEquals(List.of("now@10", "a@30", "b@30"), ran);
        assertEquals(0, wheel.pending());
    }

    @Test
    void timersDueAtTheSameTickRunInTheOrderTheyStarted() {
        for (String name : List.of("first", "second", "third")) {
            wheel.schedule(Duration.ofMillis(50), record(name));
        }

        tickMillis(50);

        assertEquals(List.of("first@50", "second@50", "third@50"), ran);
    }

    @Test
    void delaysOfSeveralTurnsWaitTheirTurnInTheSlot() {
        wheel.schedule(Duration.ofMillis(250), record("late"));
        wheel.schedule(Duration.ofMillis(90), record("next turn"));
        wheel.schedule(Duration.ofMillis(10), record("soon"));

        tickMillis(240);
        assertEquals(List.of("soon@10", "next turn@90"), ran, "the 250 ms timer shares slots with 10 ms and 90 ms");
        assertEquals(1, wheel.pending());

        tickMillis(10);
        assertEquals(List.of("soon@10", "next turn@90", "late@250"), ran);
    }

    @Test
    void aStoppedTimerNeverRunsAndStoppingTwiceOrAfterItRanDoesNothing() {
        Cancellable stopped = wheel.schedule(Duration.ofMillis(20), record("stopped"));
        Cancellable fired = wheel.schedule(Duration.ofMillis(10), record("fired"));
        wheel.schedule(Duration.ofMillis(20), record("kept"));
        stopped.cancel();
        stopped.cancel();
        assertEquals(2, wheel.pending());

        tickMillis(10);
        fired.cancel();
        tickMillis(100);

        assertEquals(List.of("fired@10", "kept@20"), ran);
        assertEquals(0, wheel.pending());
    }

    @Test
    void aTaskMayStopATimerDueAtTheSameTickAndStartNewOnes() {
        Cancellable[] victim = new Cancellable[1];
        wheel.schedule(Duration.ofMillis(30), () -> {
            ran.add("stopper@" + ticks * 10);
            victim[0].cancel();
            wheel.schedule(Duration.ofMillis(80), record("restarted"));
        });
        victim[0] = wheel.schedule(Duration.ofMillis(30), record("victim"));

        tickMillis(200);

        assertEquals(List.of("stopper@30", "restarted@110"), ran,
                "a timer stopped by another due at the same tick does not run; one started a full turn ahead waits");
        assertEquals(0, wheel.pending());
    }

    @Test
    void aFailingTaskDoesNotKeepTheOthersFromRunning() {
        wheel.schedule(Duration.ofMillis(10), () -> {
            throw new IllegalStateException("boom");
        });
        wheel.schedule(Duration.ofMillis(10), record("after"));

        tickMillis(10);

        assertEquals(List.of("after@10"), ran);
    }

    @Test
    void theWheelIsValidatedOnConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new TimerWheel(Duration.ZERO, 8));
        assertThrows(IllegalArgumentException.class, () -> new TimerWheel(Duration.ofMillis(10), 12));
        assertThrows(IllegalArgumentException.class, () -> wheel.schedule(Duration.ofMillis(-1), record("x")));
    }
}
