package io.vpbx.sip.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.transaction.FakeScheduler;
import io.vpbx.telephony.uplink.RegistrationState;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registration driver with a fake channel and scheduler: what it sends, when, and what it ignores. */
class UplinksTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String REGISTRAR_IP = "203.0.113.5";
    private static final UplinkAccount LINE = new UplinkAccount("+79031112233", "acc-1", "trunk", "secret", REGISTRAR_IP, 5060,
            "udp", 600, true);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Sent> sent = new ArrayList<>();
    private final List<RegistrationTransition> transitions = new ArrayList<>();
    private final UplinkDirectory directory = new UplinkDirectory();
    private final Uplinks uplinks = new Uplinks(this::send, directory, new RegisterMessages("vpbx-test"), scheduler,
            new SchedulerClock(), new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 3), new StartPacer(10),
            new Random(7), transitions::add);

    private record Sent(String text, RequestChannel.ResponseHandler handler) {
        String header(String name) {
            Matcher matcher = Pattern.compile("(?m)^" + name + ": *([^\r\n]*)").matcher(text);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    private void send(String uri, RequestChannel.Build build, RequestChannel.ResponseHandler handler) {
        assertEquals("sip:" + REGISTRAR_IP + ":5060", uri);
        handler.sentTo(new InetSocketAddress(REGISTRAR_IP, 5060));
        byte[] bytes = build.request("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + sent.size(), "192.0.2.10:5060");
        sent.add(new Sent(new String(bytes, StandardCharsets.UTF_8), handler));
    }

    /** The registrar's answer to the last REGISTER: headers of the request echoed, {@code extra} added. */
    private void answer(String statusLine, String... extra) {
        Sent request = sent.get(sent.size() - 1);
        StringBuilder response = new StringBuilder("SIP/2.0 ").append(statusLine).append("\r\n")
                .append("Via: ").append(request.header("Via")).append("\r\n")
                .append("From: ").append(request.header("From")).append("\r\n")
                .append("To: ").append(request.header("To")).append(";tag=reg1\r\n")
                .append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
                .append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        for (String header : extra) {
            response.append(header).append("\r\n");
        }
        response.append("Content-Length: 0\r\n\r\n");
        request.handler().response(response.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final String CHALLENGE = "WWW-Authenticate: Digest realm=\"operator.test\", nonce=\"abc\", qop=\"auth\", algorithm=MD5";
    private static final String GRANTED = "Contact: <sip:tp79031112233@192.0.2.10:5060>;expires=600";

    @Test
    void registersThroughTheChallengeKeepingOneCallIdAndRecognisesTheOperatorsCalls() {
        uplinks.put(LINE);
        assertTrue(sent.isEmpty(), "first attempts wait for their paced slot");
        scheduler.advanceMillis(10);
        Sent first = sent.get(0);
        assertTrue(first.text().startsWith("REGISTER sip:" + REGISTRAR_IP + ":5060 SIP/2.0\r\n"), first.text());
        assertEquals("<sip:tp79031112233@192.0.2.10:5060>", first.header("Contact"));
        assertEquals("600", first.header("Expires"));
        assertEquals(null, first.header("Authorization"));

        answer("401 Unauthorized", CHALLENGE);
        Sent second = sent.get(1);
        assertEquals(first.header("Call-ID"), second.header("Call-ID"));
        assertEquals("2 REGISTER", second.header("CSeq"));
        String authorization = second.header("Authorization");
        assertTrue(authorization.startsWith("Digest ") && authorization.contains("username=\"trunk\"")
                && authorization.contains("realm=\"operator.test\"") && authorization.contains("nonce=\"abc\""), authorization);

        answer("200 OK", GRANTED);
        assertEquals(RegistrationState.REGISTERED, transitions.get(transitions.size() - 1).state());
        assertEquals(1, uplinks.count(RegistrationState.REGISTERED));
        assertEquals(LINE, directory.inbound(REGISTRAR_IP, "tp79031112233").orElseThrow());
        assertTrue(directory.inbound("198.51.100.1", "tp79031112233").isEmpty(), "the right user from elsewhere is not the operator");
        assertTrue(directory.inbound(REGISTRAR_IP, "someone").isEmpty());

        scheduler.advance(Duration.ofSeconds(480));
        assertEquals("3 REGISTER", sent.get(2).header("CSeq"), "refreshed two minutes before expiry");
    }

    @Test
    void startsAreSpreadAtTheConfiguredRate() {
        for (int i = 0; i < 5; i++) {
            uplinks.put(new UplinkAccount("+7903111220" + i, "acc-1", "u" + i, "p", REGISTRAR_IP, 5060, "udp", 600, true));
        }
        scheduler.advanceMillis(1);
        assertEquals(1, sent.size());
        scheduler.advanceMillis(250);
        assertEquals(3, sent.size(), "one every 100 ms at 10 per second");
        scheduler.advanceMillis(250);
        assertEquals(5, sent.size());
    }

    @Test
    void theSameLineAgainChangesNothingAndAChangeMakesTheOldAnswerStale() {
        uplinks.put(LINE);
        scheduler.advanceMillis(10);
        uplinks.put(LINE);
        assertEquals(1, sent.size(), "a change announced twice is applied once");

        Sent before = sent.get(0);
        uplinks.put(new UplinkAccount(LINE.e164(), LINE.accountId(), LINE.login(), "new secret", LINE.server(), LINE.port(),
                LINE.transport(), LINE.expiresSeconds(), true));
        assertEquals(2, sent.size(), "a new password is tried at once");
        before.handler().response(("SIP/2.0 403 Forbidden\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertFalse(transitions.stream().anyMatch(t -> t.lastCode() == 403), "the answer to the old request is ignored");
    }

    @Test
    void disconnectingUnregistersAndForgetsTheLine() {
        uplinks.put(LINE);
        scheduler.advanceMillis(10);
        answer("200 OK", GRANTED);
        uplinks.remove(LINE.e164());
        assertEquals("0", sent.get(1).header("Expires"));
        assertTrue(directory.inbound(REGISTRAR_IP, "tp79031112233").isEmpty());
        answer("200 OK");
        assertEquals(RegistrationState.UNREGISTERED, transitions.get(transitions.size() - 1).state());
        assertEquals(0, uplinks.count(RegistrationState.REGISTERED));
    }

    /** Time as the fake scheduler has advanced it. */
    private final class SchedulerClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return T0.plus(scheduler.now());
        }
    }

    @Test
    void aRegistrarInAPrivateRangeIsNeverContactedAndTheLineSaysWhy() {
        Uplinks refusing = new Uplinks((uri, build, handler) -> handler.targetRefused(), directory,
                new RegisterMessages("vpbx-test"), scheduler, new SchedulerClock(),
                new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 3), new StartPacer(10), new Random(7),
                transitions::add);
        refusing.put(LINE);
        scheduler.advanceMillis(10);
        RegistrationTransition last = transitions.get(transitions.size() - 1);
        assertEquals(RegistrationState.RETRYING, last.state());
        assertEquals(0, last.lastCode(), "no SIP answer: nothing was sent");
        assertEquals(UplinkRegistration.TARGET_REFUSED, last.lastReason());
        assertTrue(last.nextAttemptAt() != null, "tried again later: the name may resolve elsewhere, the operator may allow it");
        assertFalse(last.lastReason().contains("unreachable") || last.lastReason().contains("timeout"),
                "the same answer whether a port there is open or closed");
    }
}
