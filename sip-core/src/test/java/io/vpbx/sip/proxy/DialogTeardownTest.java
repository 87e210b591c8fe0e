package io.vpbx.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.sip.SipText;
import io.vpbx.sip.transaction.FakeScheduler;
import io.vpbx.sip.transaction.TransactionContext;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.transaction.TransactionTimers;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one BYE builder, towards the answerer (Timer H, a late 2xx) and towards both parties (the duration limit). */
class DialogTeardownTest {
    private static final WireMessage INVITE = WireMessage.parse(SipText.crlf("""
            INVITE sip:+74951230001@203.0.113.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller
            Max-Forwards: 70
            To: <sip:+74951230001@203.0.113.1>
            From: "Caller" <sip:+74957654321@198.51.100.7>;tag=caller
            Call-ID: call-1@carrier.example
            CSeq: 7 INVITE
            Contact: <sip:+74957654321@198.51.100.7:5060>
            Content-Length: 0

            """));
    private static final WireMessage ANSWER = WireMessage.parse(SipText.crlf("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller
            Record-Route: <sip:10.9.9.9;lr>
            Record-Route: <sip:203.0.113.1:5060;lr>
            Record-Route: <sip:198.51.100.1;lr>
            To: <sip:+74951230001@203.0.113.1>;tag=callee
            From: "Caller" <sip:+74957654321@198.51.100.7>;tag=caller
            Call-ID: call-1@carrier.example
            CSeq: 7 INVITE
            Contact: <sip:phone@10.1.1.2:5062>
            Content-Length: 0

            """));

    private final FakeScheduler scheduler = new FakeScheduler();
    private final TransactionTable<WireMessage> transactions = new TransactionTable<>(10, new TransactionContext<>(
            TransactionTimers.rfc3261(), scheduler, (transaction, request) -> { },
            (invite, response) -> WireMessage.parse(Rewrites.ack(invite, response)),
            invite -> WireMessage.response(Rewrites.response(invite, 100, "Trying", null), 100, invite)));
    private final DialogTeardown teardown = new DialogTeardown(new FakeNetwork(), new BranchIds(new SecureRandom()),
            transactions);
    private final RecordingFlow callee = new RecordingFlow(new InetSocketAddress("10.1.1.2", 5062), "UDP");
    private final RecordingFlow caller = new RecordingFlow(new InetSocketAddress("198.51.100.7", 5060), "UDP");

    @Test
    void theByeToTheAnswererIsTheInDialogByeOfItsAnswer() {
        teardown.hangUp(ANSWER, callee);

        WireMessage bye = callee.request("BYE");
        String via = bye.vias().get(0);
        assertArrayEquals(Rewrites.inDialog("BYE", ANSWER, via, 1), bye.bytes());
        assertEquals(1, transactions.size(), "in a client transaction of its own");
    }

    @Test
    void aLateAnswerIsAcknowledgedThenHungUp() {
        teardown.acknowledgeAndHangUp(ANSWER, callee);

        assertEquals(List.of("ACK", "BYE"), callee.sent().stream().map(WireMessage::method).toList());
        assertEquals(7, callee.request("ACK").cseqNumber());
        assertEquals(8, callee.request("BYE").cseqNumber());
    }

    @Test
    void atTheDurationLimitEachPartyGetsTheByeItsPeerWouldSend() {
        teardown.endBoth(teardown.dialog(INVITE, ANSWER, caller, callee));

        WireMessage toCallee = callee.request("BYE");
        assertEquals("sip:phone@10.1.1.2:5062", toCallee.requestUri());
        assertEquals(List.of("<sip:10.9.9.9;lr>"), toCallee.values(HeaderId.ROUTE));
        assertEquals("caller", toCallee.fromTag());
        assertEquals(1_000_007, toCallee.cseqNumber());
        WireMessage toCaller = caller.request("BYE");
        assertEquals("sip:+74957654321@198.51.100.7:5060", toCaller.requestUri());
        assertEquals(List.of("<sip:198.51.100.1;lr>"), toCaller.values(HeaderId.ROUTE));
        assertEquals("callee", toCaller.fromTag());
        assertEquals(2_000_000_000L, toCaller.cseqNumber());
    }
}
