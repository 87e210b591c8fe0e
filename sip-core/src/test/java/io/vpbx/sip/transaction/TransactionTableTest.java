package io.vpbx.sip.transaction;

import static io.vpbx.sip.transaction.TestMessage.request;
import static io.vpbx.sip.transaction.TestMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTableTest {

    @Test
    void ackMatchesTheInviteServerTransaction() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> tx = f.receiveNew(request("INVITE"));
        tx.sendResponse(response(486, request("INVITE")));

        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(request("ACK"), f.transport));

        assertEquals(TransactionState.CONFIRMED, tx.state());
    }

    @Test
    void sameBranchFromAnotherSentByIsAnotherTransaction() {
        Fixture f = Fixture.unreliable();

        assertEquals(RequestDisposition.CREATED, f.table.receiveRequest(request("OPTIONS"), f.transport));
        assertEquals(RequestDisposition.CREATED,
                f.table.receiveRequest(request("OPTIONS", TestMessage.BRANCH, "10.0.0.2:5060"), f.transport));
        assertEquals(RequestDisposition.MATCHED, f.table.receiveRequest(request("OPTIONS"), f.transport));

        assertEquals(2, f.table.size());
    }

    @Test
    void cancelGetsItsOwnTransactionAndMatchesTheInviteWithTheSameBranch() {
        Fixture f = Fixture.unreliable();
        ServerTransaction<TestMessage> invite = f.receiveNew(request("INVITE"));
        TestMessage cancel = request("CANCEL");

        ServerTransaction<TestMessage> cancelTx = f.receiveNew(cancel);

        assertTrue(cancelTx instanceof NonInviteServerTransaction);
        assertSame(invite, f.table.findCancelTarget(cancel).orElseThrow());
        assertEquals(2, f.table.size());
    }

    @Test
    void cancelWithOtherBranchOrSentByOrAfterTheInviteEndedMatchesNothing() {
        Fixture f = Fixture.reliable();
        ServerTransaction<TestMessage> invite = f.receiveNew(request("INVITE"));

        assertTrue(f.table.findCancelTarget(request("CANCEL", "z9hG4bK-2", TestMessage.SENT_BY)).isEmpty());
        assertTrue(f.table.findCancelTarget(request("CANCEL", TestMessage.BRANCH, "10.0.0.9:5060")).isEmpty());
        assertTrue(f.table.findCancelTarget(request("CANCEL", "1234", TestMessage.SENT_BY)).isEmpty());

        invite.sendResponse(response(200, request("INVITE")));

        assertTrue(f.table.findCancelTarget(request("CANCEL")).isEmpty());
    }

    @Test
    void cancelDoesNotMatchANonInviteTransaction() {
        Fixture f = Fixture.unreliable();
        f.receiveNew(request("INVITE", "z9hG4bK-other", TestMessage.SENT_BY));
        f.receiveNew(request("OPTIONS"));

        assertTrue(f.table.findCancelTarget(request("CANCEL")).isEmpty());
    }

    @Test
    void responsesMatchByBranchAndCseqMethod() {
        Fixture f = Fixture.unreliable();
        TestMessage invite = request("INVITE");
        TestMessage cancel = request("CANCEL");
        ClientTransaction<TestMessage> inviteTx = f.startClient(invite);
        ClientTransaction<TestMessage> cancelTx = f.startClient(cancel);

        assertTrue(f.table.receiveResponse(response(200, cancel)));
        assertTrue(f.table.receiveResponse(response(487, invite)));

        assertEquals(TransactionState.COMPLETED, cancelTx.state());
        assertEquals(TransactionState.COMPLETED, inviteTx.state());
        assertEquals(List.of(cancelTx, inviteTx), f.user.eventsOf("response").stream().map(e -> e.transaction()).toList());
    }

    @Test
    void strayResponsesAndAcksGoBackToTheCore() {
        Fixture f = Fixture.unreliable();

        assertFalse(f.table.receiveResponse(response(200, request("INVITE"))));
        assertEquals(RequestDisposition.STRAY_ACK, f.table.receiveRequest(request("ACK"), f.transport));
        assertEquals(0, f.table.size());
        assertEquals(List.of(), f.user.timeline());
    }

    @Test
    void requestsWithoutTheMagicCookieAreNotMatched() {
        Fixture f = Fixture.unreliable();

        assertEquals(RequestDisposition.NOT_RFC3261,
                f.table.receiveRequest(request("INVITE", "abc", TestMessage.SENT_BY), f.transport));
        assertEquals(RequestDisposition.NOT_RFC3261,
                f.table.receiveRequest(request("INVITE", null, TestMessage.SENT_BY), f.transport));
        assertEquals(0, f.table.size());
        assertThrows(IllegalArgumentException.class,
                () -> f.table.startClient(request("INVITE", "abc", TestMessage.SENT_BY), f.transport));
    }

    @Test
    void tableIsBoundedAndCountsRejections() {
        Fixture f = new Fixture(true, TransactionTimers.rfc3261(), 2);
        ServerTransaction<TestMessage> first = f.receiveNew(request("OPTIONS", "z9hG4bK-a", TestMessage.SENT_BY));
        f.startClient(request("INVITE", "z9hG4bK-b", TestMessage.SENT_BY));

        assertEquals(RequestDisposition.REJECTED_FULL,
                f.table.receiveRequest(request("INVITE", "z9hG4bK-c", TestMessage.SENT_BY), f.transport));
        assertTrue(f.table.startClient(request("BYE", "z9hG4bK-d", TestMessage.SENT_BY), f.transport).isEmpty());

        assertEquals(2, f.table.rejectedFull());
        assertEquals(2, f.table.size());
        assertEquals(1, f.user.eventsOf("request").size(), "a rejected request never reaches the TU");
        assertEquals(RequestDisposition.MATCHED,
                f.table.receiveRequest(request("OPTIONS", "z9hG4bK-a", TestMessage.SENT_BY), f.transport),
                "retransmissions still match when full");

        first.sendResponse(response(200, first.request()));

        assertEquals(1, f.table.size());
        assertEquals(RequestDisposition.CREATED,
                f.table.receiveRequest(request("INVITE", "z9hG4bK-c", TestMessage.SENT_BY), f.transport));
    }

    @Test
    void terminatedTransactionsLeaveTheTable() {
        Fixture f = Fixture.unreliable();
        f.startClient(request("INVITE", "z9hG4bK-1", TestMessage.SENT_BY));
        f.startClient(request("OPTIONS", "z9hG4bK-2", TestMessage.SENT_BY));
        f.receiveNew(request("REGISTER", "z9hG4bK-3", TestMessage.SENT_BY));
        ServerTransaction<TestMessage> invite = f.receiveNew(request("INVITE", "z9hG4bK-4", TestMessage.SENT_BY));
        invite.sendResponse(response(486, invite.request()));
        assertEquals(4, f.table.size());

        f.scheduler.advance(Duration.ofSeconds(40));

        assertEquals(1, f.table.size(), "only the REGISTER the TU never answered is left");
        assertEquals(3, f.user.eventsOf("timeout").size());
    }

    @Test
    void duplicateClientTransactionsAndClientAcksAreProgrammingErrors() {
        Fixture f = Fixture.unreliable();
        f.startClient(request("INVITE"));

        assertThrows(IllegalStateException.class, () -> f.table.startClient(request("INVITE"), f.transport));
        assertThrows(IllegalArgumentException.class, () -> f.table.startClient(request("ACK"), f.transport));
        assertThrows(IllegalArgumentException.class, () -> new TransactionTable<>(0,
                new TransactionContext<TestMessage>(TransactionTimers.rfc3261(), f.scheduler, f.user,
                        TestMessage::ackFor, TestMessage::tryingFor)));
    }
}
