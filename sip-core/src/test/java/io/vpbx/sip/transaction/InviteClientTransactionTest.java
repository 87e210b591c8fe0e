package io.vpbx.sip.transaction;

import static io.vpbx.sip.transaction.TestMessage.request;
import static io.vpbx.sip.transaction.TestMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InviteClientTransactionTest {

    private final TestMessage invite = request("INVITE");

    @Test
    void timerARetransmitsWithDoublingIntervalsUntilTimerBTimesOutOnce() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        assertEquals(TransactionState.CALLING, tx.state());

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L), f.transport.millisOf("INVITE"));
        assertEquals(List.of("timeout@32000"), f.user.timeline());
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void timerAFollowsAConfiguredT1() {
        TransactionTimers timers = new TransactionTimers(
                Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(32));
        Fixture f = new Fixture(false, timers, 10);
        f.startClient(invite);

        f.scheduler.advance(Duration.ofSeconds(10));

        assertEquals(List.of(0L, 100L, 300L, 700L, 1500L, 3100L, 6300L), f.transport.millisOf("INVITE"));
        assertEquals(List.of("timeout@6400"), f.user.timeline());
    }

    @Test
    void reliableTransportSendsOnceAndStillTimesOutWithTimerB() {
        Fixture f = Fixture.reliable();
        f.startClient(invite);

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(List.of(0L), f.transport.millisOf("INVITE"));
        assertEquals(List.of("timeout@32000"), f.user.timeline());
    }

    @Test
    void provisionalResponseMovesToProceedingAndStopsTimersAAndB() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.scheduler.advanceMillis(1000);

        f.table.receiveResponse(response(100, invite));
        f.scheduler.advanceMillis(500);
        f.table.receiveResponse(response(180, invite));
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("INVITE"));
        assertEquals(List.of("response 100 INVITE@1000", "response 180 INVITE@1500"), f.user.timeline());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void successTerminatesAtOnceAndLeavesTheAckToTheTu() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.table.receiveResponse(response(180, invite));
        f.scheduler.advanceMillis(3000);

        assertTrue(f.table.receiveResponse(response(200, invite)));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("INVITE"), f.transport.labels());
        assertEquals(List.of("response 180 INVITE@0", "response 200 INVITE@3000"), f.user.timeline());
        assertEquals(0, f.table.size());
        assertEquals(false, f.table.receiveResponse(response(200, invite)), "2xx retransmission goes to the core");
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 302, 404, 486, 487, 500, 503, 603, 699})
    void everyNonSuccessFinalIsAcknowledgedByTheTransaction(int status) {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.scheduler.advanceMillis(200);

        f.table.receiveResponse(response(status, invite));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("INVITE", "ACK " + status), f.transport.labels());
        assertEquals(List.of(200L), f.transport.millisOf("ACK " + status));
        assertEquals(List.of("response " + status + " INVITE@200"), f.user.timeline());
    }

    @Test
    void timerDAbsorbsRetransmittedFinalsByResendingTheAck() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.scheduler.advanceMillis(1000);
        f.table.receiveResponse(response(486, invite));

        f.scheduler.advanceMillis(4000);
        f.table.receiveResponse(response(486, invite));
        f.scheduler.advanceMillis(1000);
        f.table.receiveResponse(response(486, invite));
        f.scheduler.advanceTo(Duration.ofMillis(32999));

        assertEquals(List.of(1000L, 5000L, 6000L), f.transport.millisOf("ACK 486"));
        assertEquals(List.of(0L, 500L), f.transport.millisOf("INVITE"), "Timer A stopped in Completed");
        assertEquals(List.of("response 486 INVITE@1000"), f.user.timeline());
        assertEquals(TransactionState.COMPLETED, tx.state());

        f.scheduler.advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state(), "Timer D = 32s after the final");
        assertEquals(0, f.table.size());
        assertEquals(List.of("response 486 INVITE@1000"), f.user.timeline(), "no timeout after Completed");
    }

    @Test
    void reliableTransportHasZeroTimerD() {
        Fixture f = Fixture.reliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);

        f.table.receiveResponse(response(404, invite));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("INVITE", "ACK 404"), f.transport.labels());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void responsesAfterTheFinalAreNotPassedUp() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        tx.receiveResponse(response(486, invite));

        tx.receiveResponse(response(180, invite));
        tx.receiveResponse(response(200, invite));

        assertEquals(List.of("response 486 INVITE@0"), f.user.timeline());
        assertEquals(List.of("INVITE", "ACK 486"), f.transport.labels());
    }

    @Test
    void transportErrorTerminatesAndInformsTheTuOnce() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.scheduler.advanceMillis(600);

        tx.transportError();
        tx.transportError();
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("transportError@600"), f.user.timeline());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("INVITE"));
        assertEquals(0, f.table.size());
    }

    @Test
    void sendFailureDuringARetransmissionStopsAllTimers() {
        Fixture f = Fixture.unreliable();
        ClientTransaction<TestMessage> tx = f.startClient(invite);
        f.transport.onSend(tx::transportError);

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("transportError@500"), f.user.timeline());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("INVITE"));
        assertEquals(0, f.scheduler.pending());
    }
}
