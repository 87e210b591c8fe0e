package io.vpbx.sip.transaction;

import static io.vpbx.sip.transaction.TestMessage.request;
import static io.vpbx.sip.transaction.TestMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonInviteServerTransactionTest {

    private final TestMessage register = request("REGISTER");

    @Test
    void passesTheRequestUpAndDiscardsRetransmissionsWhileTrying() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(register);
        f.scheduler.advanceMillis(500);

        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(register, f.transport));

        assertEquals(TransactionState.TRYING, tx.state());
        assertEquals(List.of(), f.transport.labels(), "no automatic 100 for non-INVITE");
        assertEquals(List.of("request REGISTER@0"), f.user.timeline());
    }

    @Test
    void retransmissionsInProceedingGetTheLatestProvisional() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(register);
        tx.sendResponse(response(100, register));
        f.scheduler.advanceMillis(500);

        f.table.receiveRequest(register, f.transport);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(0L, 500L), f.transport.millisOf("100 REGISTER"));
    }

    @Test
    void finalCompletesRetransmissionsGetItAndTimerJTerminates() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(register);
        tx.sendResponse(response(100, register));
        f.scheduler.advanceMillis(1000);

        assertTrue(tx.sendResponse(response(200, register)));
        f.scheduler.advanceMillis(3000);
        f.table.receiveRequest(register, f.transport);
        assertFalse(tx.sendResponse(response(500, register)), "later finals are discarded");
        f.scheduler.advanceTo(Duration.ofMillis(32_999));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of(1000L, 4000L), f.transport.millisOf("200 REGISTER"), "no retransmission on its own");

        f.scheduler.advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state(), "Timer J = 64*T1 after the final");
        assertEquals(0, f.table.size());
        assertEquals(List.of("request REGISTER@0"), f.user.timeline());
    }

    @Test
    void reliableTransportHasZeroTimerJ() {
        Fixture f = Fixture.reliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(register);

        tx.sendResponse(response(401, register));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("401 REGISTER"), f.transport.labels());
        assertEquals(0, f.table.size());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void transportErrorTerminatesAndInformsTheTuOnce() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(register);
        f.transport.onSend(tx::transportError);

        tx.sendResponse(response(200, register));
        tx.transportError();

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("request REGISTER@0", "transportError@0"), f.user.timeline());
        assertEquals(0, f.scheduler.pending());
    }
}
