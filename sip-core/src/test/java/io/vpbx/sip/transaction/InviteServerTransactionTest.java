package io.vpbx.sip.transaction;

import static io.vpbx.sip.transaction.TestMessage.request;
import static io.vpbx.sip.transaction.TestMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InviteServerTransactionTest {

    private final TestMessage invite = request("INVITE");
    private final TestMessage ack = request("ACK");

    @Test
    void sendsTryingImmediatelyBeforeTheTuSeesTheInvite() {
        Fixture f = Fixture.unreliable();
        List<List<String>> sentWhenTuCalled = new ArrayList<>();
        f.user.onRequest((tx, request) -> sentWhenTuCalled.add(List.copyOf(f.transport.labels())));

        ServerTransaction<TestMessage> tx = f.receiveNew(invite);

        assertEquals(List.of(List.of("100 INVITE")), sentWhenTuCalled);
        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of("request INVITE@0"), f.user.timeline());
        assertEquals(0, f.scheduler.pending(), "no timers in Proceeding");
    }

    @Test
    void inviteRetransmissionsInProceedingGetTheLatestProvisional() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        f.scheduler.advanceMillis(500);
        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(invite, f.transport));

        tx.sendResponse(response(180, invite));
        f.scheduler.advanceMillis(1000);
        f.table.receiveRequest(invite, f.transport);

        assertEquals(List.of("100 INVITE", "100 INVITE", "180 INVITE", "180 INVITE"), f.transport.labels());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("100 INVITE"));
        assertEquals(List.of(500L, 1500L), f.transport.millisOf("180 INVITE"));
        assertEquals(1, f.user.eventsOf("request").size(), "retransmissions are not passed up");
    }

    @Test
    void successFromTheTuTerminatesAtOnce() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);

        assertTrue(tx.sendResponse(response(200, invite)));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("100 INVITE", "200 INVITE"), f.transport.labels());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending(), "2xx retransmission is the TU's job");
        assertEquals(RequestDisposition.STRAY_ACK, f.table.receiveRequest(ack, f.transport));
    }

    @Test
    void tuMayAnswerInsideTheCallback() {
        Fixture f = Fixture.reliable();
        f.user.onRequest((tx, request) -> tx.sendResponse(response(200, request)));

        f.table.receiveRequest(invite, f.transport);

        assertEquals(List.of("100 INVITE", "200 INVITE"), f.transport.labels());
        assertEquals(0, f.table.size());
    }

    @Test
    void timerGRetransmitsTheFinalUpToT2AndTimerHTimesOutOnce() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        f.scheduler.advanceMillis(1000);

        tx.sendResponse(response(486, invite));
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(
                List.of(1000L, 1500L, 2500L, 4500L, 8500L, 12500L, 16500L, 20500L, 24500L, 28500L, 32500L),
                f.transport.millisOf("486 INVITE"));
        assertEquals(List.of("request INVITE@0", "timeout@33000"), f.user.timeline());
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void ackConfirmsStopsTimerGAndTimerIAbsorbsAcks() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        tx.sendResponse(response(603, invite));
        f.scheduler.advanceMillis(2000);

        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(ack, f.transport));
        assertEquals(TransactionState.CONFIRMED, tx.state());
        f.scheduler.advanceMillis(1000);
        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(ack, f.transport));
        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(invite, f.transport));
        f.scheduler.advanceTo(Duration.ofMillis(6999));

        assertEquals(List.of(0L, 500L, 1500L), f.transport.millisOf("603 INVITE"), "Timer G stopped by ACK");
        assertEquals(TransactionState.CONFIRMED, tx.state());

        f.scheduler.advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state(), "Timer I = T4 after the ACK");
        assertEquals(List.of("request INVITE@0"), f.user.timeline(), "no timeout, ACK not passed up");
        assertEquals(0, f.table.size());
    }

    @Test
    void inviteRetransmissionInCompletedGetsTheFinal() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        tx.sendResponse(response(404, invite));
        f.scheduler.advanceMillis(300);

        f.table.receiveRequest(invite, f.transport);

        assertEquals(List.of(0L, 300L), f.transport.millisOf("404 INVITE"));
    }

    @Test
    void reliableTransportSendsTheFinalOnceWaitsForAckWithTimerHAndHasZeroTimerI() {
        Fixture f = Fixture.reliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        tx.sendResponse(response(480, invite));
        f.scheduler.advanceMillis(20_000);

        assertEquals(List.of(0L), f.transport.millisOf("480 INVITE"));
        assertEquals(TransactionState.COMPLETED, tx.state());

        f.table.receiveRequest(ack, f.transport);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, f.scheduler.pending());
        assertEquals(List.of("request INVITE@0"), f.user.timeline());
    }

    @Test
    void reliableTransportTimesOutWithTimerHWhenNoAckComes() {
        Fixture f = Fixture.reliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        tx.sendResponse(response(480, invite));

        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(List.of(0L), f.transport.millisOf("480 INVITE"));
        assertEquals(List.of("request INVITE@0", "timeout@32000"), f.user.timeline());
    }

    @Test
    void responsesAfterTheFinalAreDiscarded() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        assertTrue(tx.sendResponse(response(486, invite)));

        assertFalse(tx.sendResponse(response(200, invite)));
        assertFalse(tx.sendResponse(response(180, invite)));

        assertEquals(List.of("100 INVITE", "486 INVITE"), f.transport.labels());
    }

    @Test
    void ackInProceedingIsAbsorbed() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);

        f.table.receiveRequest(ack, f.transport);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of("100 INVITE"), f.transport.labels());
    }

    @Test
    void transportErrorTerminatesAndInformsTheTuOnce() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(invite);
        f.transport.onSend(tx::transportError);

        assertTrue(tx.sendResponse(response(486, invite)));
        f.scheduler.advance(Duration.ofSeconds(100));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("request INVITE@0", "transportError@0"), f.user.timeline());
        assertEquals(0, f.scheduler.pending());
        assertEquals(0, f.table.size());
    }
}
