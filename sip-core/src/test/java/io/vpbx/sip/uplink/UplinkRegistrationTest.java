package io.vpbx.sip.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UplinkRegistrationTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final UplinkAccount LINE = new UplinkAccount("+74951234567", "acc-1", "user1", "secret", "sip.operator.example",
            5060, "udp", 600, true);

    private final List<RegistrationTransition> transitions = new ArrayList<>();
    private final UplinkRegistration registration = new UplinkRegistration(LINE,
            new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 3), () -> 0.5, () -> "cn", transitions::add);

    private static RegisterResponse challenge(int code, String nonce, boolean stale, String... algorithms) {
        List<DigestChallenge> offered = new ArrayList<>();
        for (String algorithm : algorithms) {
            offered.add(new DigestChallenge(code == 407, "operator", nonce, null, algorithm, List.of("auth"), stale));
        }
        return new RegisterResponse(code, code == 401 ? "Unauthorized" : "Proxy Authentication Required", offered, -1, -1, -1);
    }

    private static RegisterResponse ok(int granted) {
        return new RegisterResponse(200, "OK", List.of(), -1, -1, granted);
    }

    private RegistrationTransition last() {
        return transitions.get(transitions.size() - 1);
    }

    @Test
    void registersAnsweringTheChallengeAndRefreshesBeforeExpiry() {
        Plan first = registration.start(T0);
        assertEquals(new RegisterRequest(1, 600, null, null), first.send());
        assertEquals(RegistrationState.PENDING, last().state());

        Plan answered = registration.onResponse(T0, challenge(401, "n1", false, "MD5", "SHA-256"));
        assertEquals(2, answered.send().cseq());
        assertEquals("Authorization", answered.send().authorizationHeader());
        assertTrue(answered.send().authorizationValue().contains("algorithm=SHA-256"), answered.send().authorizationValue());
        assertTrue(answered.send().authorizationValue().contains("uri=\"sip:sip.operator.example:5060\""));

        Plan registered = registration.onResponse(T0, ok(600));
        assertNull(registered.send());
        assertEquals(T0.plusSeconds(480), registered.wakeAt(), "two minutes before the end");
        assertEquals(RegistrationState.REGISTERED, last().state());
        assertEquals(T0.plusSeconds(600), last().registeredUntil());

        Plan refresh = registration.onWake(T0.plusSeconds(480));
        assertEquals(3, refresh.send().cseq());
        assertTrue(refresh.send().authorizationValue().contains("nc=00000002"), "the last nonce answered in advance");
        registration.onResponse(T0.plusSeconds(480), ok(600));
        assertEquals(T0.plusSeconds(1080), registration.registeredUntil());
    }

    @Test
    void aStaleNonceIsAnsweredAgainNotCountedAsRefusal() {
        registration.start(T0);
        registration.onResponse(T0, challenge(407, "n1", false, "MD5"));
        Plan again = registration.onResponse(T0, challenge(407, "n2", true, "MD5"));
        assertEquals("Proxy-Authorization", again.send().authorizationHeader());
        assertTrue(again.send().authorizationValue().contains("nonce=\"n2\""));
        registration.onResponse(T0, ok(120));
        assertEquals(RegistrationState.REGISTERED, registration.state());
    }

    @Test
    void theSameNonceChallengedAgainIsARefusalAndRepeatedRefusalsAreTerminal() {
        registration.start(T0);
        registration.onResponse(T0, challenge(401, "n1", false, "MD5"));
        Plan refused = registration.onResponse(T0, challenge(401, "n1", false, "MD5"));
        assertNull(refused.send());
        assertEquals(RegistrationState.RETRYING, last().state());
        assertEquals(401, last().lastCode());
        assertEquals(T0.plus(Duration.ofMillis(1500)), refused.wakeAt(), "first backoff: between 1 and 2 s");

        Instant t1 = refused.wakeAt();
        assertTrue(registration.onWake(t1).send().authorizationValue().contains("nonce=\"n1\""));
        Plan second = registration.onResponse(t1, challenge(401, "n1", false, "MD5"));
        assertEquals(RegistrationState.RETRYING, registration.state());
        assertEquals(t1.plusSeconds(3), second.wakeAt(), "second backoff: between 2 and 4 s");

        Instant t2 = second.wakeAt();
        registration.onWake(t2);
        Plan third = registration.onResponse(t2, new RegisterResponse(403, "Forbidden", List.of(), -1, -1, -1));
        assertSame(Plan.NOTHING, third);
        assertEquals(RegistrationState.FAILED_AUTH, last().state());
        assertNull(last().nextAttemptAt());
        assertSame(Plan.NOTHING, registration.onWake(t2.plusSeconds(3600)), "no hammering after failed_auth");
    }

    @Test
    void aRegistrarThatChallengesEveryAnswerWithANewNonceIsRefusingUs() {
        registration.start(T0);
        assertNotNull(registration.onResponse(T0, challenge(401, "a", false, "MD5")).send());
        assertNotNull(registration.onResponse(T0, challenge(401, "b", false, "MD5")).send());
        Plan refused = registration.onResponse(T0, challenge(401, "c", false, "MD5"));
        assertNull(refused.send(), "a third challenge in a row is a refusal");
        assertEquals(RegistrationState.RETRYING, registration.state());
    }

    @Test
    void honoursRetryAfterAndTimeoutsAndAnOkWithoutOurContact() {
        registration.start(T0);
        Plan busy = registration.onResponse(T0, new RegisterResponse(503, "Service Unavailable", List.of(), 20, -1, -1));
        assertEquals(T0.plusSeconds(21), busy.wakeAt(), "Retry-After 20 s plus a tenth of jitter at most");
        assertEquals(503, last().lastCode());

        Instant t1 = busy.wakeAt();
        assertEquals(2, registration.onWake(t1).send().cseq());
        Plan timedOut = registration.onTimeout(t1.plusSeconds(32));
        assertEquals(408, last().lastCode());
        assertNotNull(timedOut.wakeAt());

        Instant t2 = timedOut.wakeAt();
        registration.onWake(t2);
        registration.onResponse(t2, ok(-1));
        assertEquals(RegistrationState.RETRYING, registration.state());
        assertTrue(last().lastReason().contains("Contact"), last().lastReason());
    }

    @Test
    void intervalTooBriefIsRetriedWithTheRegistrarsMinimum() {
        registration.start(T0);
        Plan longer = registration.onResponse(T0, new RegisterResponse(423, "Interval Too Brief", List.of(), -1, 1800, -1));
        assertEquals(1800, longer.send().expires());
    }

    @Test
    void disconnectingUnregistersWithExpiresZero() {
        registration.start(T0);
        registration.onResponse(T0, ok(600));
        Plan bye = registration.remove(T0.plusSeconds(10));
        assertEquals(0, bye.send().expires());
        assertEquals(2, bye.send().cseq());
        Plan challenged = registration.onResponse(T0.plusSeconds(10), challenge(401, "n", false, "MD5"));
        assertEquals(0, challenged.send().expires(), "the unregister answers its challenge too");
        registration.onResponse(T0.plusSeconds(10), ok(-1));
        assertEquals(RegistrationState.UNREGISTERED, last().state());
        assertSame(Plan.NOTHING, registration.onWake(T0.plusSeconds(600)));
    }

    @Test
    void disablingUnregistersAndEnablingRegistersAgain() {
        registration.start(T0);
        registration.onResponse(T0, ok(600));
        UplinkAccount off = new UplinkAccount(LINE.e164(), LINE.accountId(), LINE.login(), LINE.password(), LINE.server(),
                LINE.port(), LINE.transport(), LINE.expiresSeconds(), false);
        assertEquals(0, registration.update(T0, off).send().expires());
        registration.onTimeout(T0.plusSeconds(32));
        assertEquals(RegistrationState.DISABLED, last().state(), "an unanswered unregister still ends disabled");

        Plan on = registration.update(T0.plusSeconds(60), LINE);
        assertEquals(600, on.send().expires());
        assertEquals(RegistrationState.PENDING, last().state());
    }

    @Test
    void aNewPasswordLiftsFailedAuth() {
        registration.start(T0);
        for (int i = 0; i < 3; i++) {
            registration.onWake(T0);
            registration.onResponse(T0, new RegisterResponse(403, "Forbidden", List.of(), -1, -1, -1));
        }
        assertEquals(RegistrationState.FAILED_AUTH, registration.state());
        UplinkAccount fixed = new UplinkAccount(LINE.e164(), LINE.accountId(), LINE.login(), "right", LINE.server(),
                LINE.port(), LINE.transport(), LINE.expiresSeconds(), true);
        assertNotNull(registration.update(T0, fixed).send());
        assertEquals(RegistrationState.PENDING, registration.state());
    }

    @Test
    void aDisabledLineStaysQuiet() {
        UplinkAccount off = new UplinkAccount(LINE.e164(), LINE.accountId(), LINE.login(), LINE.password(), LINE.server(),
                LINE.port(), LINE.transport(), LINE.expiresSeconds(), false);
        UplinkRegistration quiet = new UplinkRegistration(off, RetryPolicy.defaults(), () -> 0.5, () -> "cn", transitions::add);
        assertSame(Plan.NOTHING, quiet.start(T0));
        assertEquals(RegistrationState.DISABLED, last().state());
        assertTrue(!off.toString().contains("secret") && !LINE.toString().contains("secret"), "never prints the password");
    }
}
