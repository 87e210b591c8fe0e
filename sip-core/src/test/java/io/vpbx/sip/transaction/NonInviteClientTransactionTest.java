package io.vpbx.sip.transaction;

import static io.vpbx.sip.transaction.TestMessage.request;
import static io.vpbx.sip.transaction.TestMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NonInviteClientTransactionTest {

    private final TestMessage bye = request("BYE");

    @Test
    void timerEDoublesUpToT2UntilTimerFTimesOutOnce() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);
        assertEquals(TransactionState.TRYING, tx.state());

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(
                List.of(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L),
                f.transport.millisOf("BYE"));
        assertEquals(List.of("timeout@32000"), f.user.timeline());
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending());
    }

    /** Intervals in ms for T1 and T2 given: doubling from T1, capped at T2. */
    @ParameterizedTest
    @CsvSource({
        "500, 4000, '0 500 1500 3500 7500'",
        "500, 1000, '0 500 1500 2500 3500'",
        "200, 4000, '0 200 600 1400 3000'",
        "1000, 1000, '0 1000 2000 3000 4000'"
    })
    void timerESchedule(long t1, long t2, String expected) {
        TransactionTimers timers = new TransactionTimers(
                Duration.ofMillis(t1), Duration.ofMillis(t2), Duration.ofSeconds(5), Duration.ofSeconds(32));
        Fixture f = new Fixture(false, timers, 10);
        f.startClient(bye);

        f.scheduler.advanceTo(Duration.ofMillis(Long.parseLong(expected.substring(expected.lastIndexOf(' ') + 1))));

        assertEquals(expected, String.join(" ", f.transport.millisOf("BYE").stream().map(String::valueOf).toList()));
    }

    @Test
    void inProceedingTimerEIsResetToT2AndTimerFStillTimesOut() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);
        f.scheduler.advanceMillis(200);

        f.table.receiveResponse(response(100, bye));
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(
                List.of(0L, 500L, 4500L, 8500L, 12500L, 16500L, 20500L, 24500L, 28500L),
                f.transport.millisOf("BYE"));
        assertEquals(List.of("response 100 BYE@200", "timeout@32000"), f.user.timeline());
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void finalResponseCompletesAndTimerKAbsorbsRetransmissions() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);
        f.scheduler.advanceMillis(700);

        f.table.receiveResponse(response(200, bye));
        f.scheduler.advanceMillis(1000);
        f.table.receiveResponse(response(200, bye));
        f.table.receiveResponse(response(100, bye));
        f.scheduler.advanceTo(Duration.ofMillis(5699));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("response 200 BYE@700"), f.user.timeline());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("BYE"), "Timer E stopped in Completed");

        f.scheduler.advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state(), "Timer K = T4 after the final");
        assertEquals(0, f.table.size());
        f.scheduler.advance(Duration.ofSeconds(100));
        assertEquals(List.of("response 200 BYE@700"), f.user.timeline(), "Timer F stopped");
    }

    @Test
    void reliableTransportNeverRetransmitsAndHasZeroTimerK() {
        Fixture f = Fixture.reliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);
        f.scheduler.advanceMillis(10_000);
        f.table.receiveResponse(response(180, bye));
        f.scheduler.advanceMillis(10_000);

        f.table.receiveResponse(response(481, bye));

        assertEquals(List.of(0L), f.transport.millisOf("BYE"));
        assertEquals(List.of("response 180 BYE@10000", "response 481 BYE@20000"), f.user.timeline());
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void reliableTransportStillTimesOutWithTimerF() {
        Fixture f = Fixture.reliable();
        f.startClient(bye);

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(List.of(0L), f.transport.millisOf("BYE"));
        assertEquals(List.of("timeout@32000"), f.user.timeline());
    }

    @Test
    void transportErrorTerminatesAndInformsTheTuOnce() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);

        tx.transportError();
        tx.transportError();
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(List.of("transportError@0"), f.user.timeline());
        assertEquals(List.of(0L), f.transport.millisOf("BYE"));
    }

    @Test
    void rejectsRequestsThatAreNotResponses() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(bye);

        assertThrows(IllegalArgumentException.class, () -> tx.receiveResponse(request("BYE")));
    }
}
