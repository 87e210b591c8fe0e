package io.vpbx.server.kamailio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * operator.cfg against real peers only (SIPp, and a bare digest client for SHA-256, which SIPp cannot answer):
 * the registrar's challenge, credentials and expiry, a call to the registered contact, and an authenticated call
 * out to the PSTN gateway. No vpbx code takes part: these tests prove the operator the vpbx tests register to.
 */
class OperatorKamailioTest {
    private static final String DIALLED = "+79001234567";
    private static final Duration UAS_WAIT = Duration.ofSeconds(10);

    private final int pstnPort = Sipp.freeUdpPort();
    private Kamailio operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
    }

    private Kamailio start(OperatorConfig config) {
        operator = Kamailio.start(config);
        return operator;
    }

    private Sipp register(int contactPort, String password, int expires) {
        return Sipp.scenario("register").remote(operator.port()).localPort(contactPort).service(operator.config().user())
                .auth(operator.config().user(), password).key("expires", Integer.toString(expires));
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndTheRightOneIsBoundUntilExpiresZero() {
        start(OperatorConfig.defaults(pstnPort));
        int contactPort = Sipp.freeUdpPort();

        Sipp.Result refused = Sipp.scenario("register-refused").remote(operator.port()).service("trunk").auth("trunk", "wrong")
                .key("expires", "600").run().assertSucceeded();
        assertEquals(List.of(), operator.bindings(), operator.describe());
        assertTrue(refused.messages().contains("WWW-Authenticate: Digest realm=\"operator.test\", nonce=\""), refused.messages());

        Sipp.Result registered = register(contactPort, "secret", 600).run().assertSucceeded();
        assertTrue(registered.messages().contains("qop=\"auth\", algorithm=MD5"), registered.messages());
        assertTrue(registered.messages().contains("Contact: <sip:trunk@127.0.0.1:" + contactPort + ">;expires=600"), registered.messages());
        List<Kamailio.Binding> bindings = operator.bindings();
        assertEquals(1, bindings.size(), operator.describe());
        assertEquals("sip:trunk@127.0.0.1:" + contactPort, bindings.get(0).address());
        assertTrue(bindings.get(0).expires() > 590 && bindings.get(0).expires() <= 600, bindings.toString());
        assertEquals("udp:127.0.0.1:" + operator.port(), bindings.get(0).socket());

        register(contactPort, "secret", 0).run().assertSucceeded();
        assertEquals(List.of(), operator.bindings(), operator.describe());
    }

    @Test
    void expiresIsCappedAtTheOperatorsMaximumAndTcpIsServedToo() {
        start(OperatorConfig.defaults(pstnPort).withMaxExpires(120));
        int contactPort = Sipp.freeUdpPort();

        Sipp.Result registered = register(contactPort, "secret", 3600).transport("t1").run().assertSucceeded();

        assertTrue(registered.messages().contains(";expires=120"), registered.messages());
        List<Kamailio.Binding> bindings = operator.bindings();
        assertEquals(1, bindings.size(), operator.describe());
        assertTrue(bindings.get(0).expires() <= 120, bindings.toString());
        assertEquals("tcp:127.0.0.1:" + operator.port(), bindings.get(0).socket());
    }

    @Test
    void aCallToTheRegisteredNumberReachesTheRegisteredContact() {
        start(OperatorConfig.defaults(pstnPort));
        int contactPort = Sipp.freeUdpPort();
        register(contactPort, "secret", 600).run().assertSucceeded();

        try (Sipp.Background customer = Sipp.scenario("uas-answer").localPort(contactPort).start()) {
            Sipp.scenario("call").remote(operator.port()).service("trunk").run().assertSucceeded();
            String received = customer.awaitExit(UAS_WAIT).assertSucceeded().messages();

            // lookup("location") turned the R-URI into the registered Contact; To still names the dialled AOR
            assertTrue(received.contains("INVITE sip:trunk@127.0.0.1:" + contactPort + " SIP/2.0"), received);
            assertTrue(received.contains("To: <sip:trunk@127.0.0.1:" + operator.port() + ">"), received);
            assertTrue(received.contains("Record-Route: <sip:127.0.0.1:" + operator.port() + ";lr;ftag="), received);
            assertTrue(received.contains("Via: SIP/2.0/UDP 127.0.0.1:" + operator.port() + ";branch="), received);
            assertTrue(received.contains("BYE sip:phone@127.0.0.1:" + contactPort), "BYE along the dialog\n" + received);
        }
    }

    @Test
    void aCallToTheNumberWhileNotRegisteredIsTemporarilyUnavailable() {
        start(OperatorConfig.defaults(pstnPort));
        try (DigestClient carrier = new DigestClient(operator.port(), "carrier", "none", DigestAlgorithm.MD5)) {
            DigestClient.Exchange call = carrier.invite("trunk");

            assertEquals(480, call.status(), call.response());
        }
    }

    @Test
    void aCallOutIsChallengedWith407AndReachesThePstnGatewayWithTheDialledNumber() {
        start(OperatorConfig.defaults(pstnPort));

        try (Sipp.Background gateway = Sipp.scenario("uas-answer").localPort(pstnPort).start()) {
            Sipp.Result caller = Sipp.scenario("outbound-call").remote(operator.port()).service(DIALLED).auth("trunk", "secret")
                    .key("caller", "trunk").run().assertSucceeded();
            String received = gateway.awaitExit(UAS_WAIT).assertSucceeded().messages();

            assertTrue(caller.messages().contains("SIP/2.0 407 Proxy Authentication Required"), caller.messages());
            assertTrue(caller.messages().contains("Proxy-Authenticate: Digest realm=\"operator.test\", nonce=\""), caller.messages());
            assertTrue(received.contains("INVITE sip:" + DIALLED + "@127.0.0.1:" + pstnPort + " SIP/2.0"), received);
            assertFalse(received.contains("Proxy-Authorization"), "the credentials stop at the operator\n" + received);
        }
    }

    @Test
    void aCallOutWithAWrongPasswordIsChallengedAgain() {
        start(OperatorConfig.defaults(pstnPort));
        try (DigestClient customer = new DigestClient(operator.port(), "trunk", "wrong", DigestAlgorithm.MD5)) {
            DigestClient.Exchange call = customer.invite(DIALLED);

            assertEquals(407, DigestClient.status(call.challenge()), call.challenge());
            assertEquals(407, call.status(), call.response());
        }
    }

    @Test
    void sha256ChallengesAreOfferedAndAnsweredForRegisterAndCallsOut() {
        start(OperatorConfig.defaults(pstnPort).withAlgorithm(DigestAlgorithm.SHA_256).withRealm("sha.operator.test"));

        try (DigestClient wrong = new DigestClient(operator.port(), "trunk", "wrong", DigestAlgorithm.SHA_256)) {
            assertEquals(401, wrong.register(600).status());
        }
        try (DigestClient customer = new DigestClient(operator.port(), "trunk", "secret", DigestAlgorithm.SHA_256);
                Sipp.Background gateway = Sipp.scenario("uas-busy").localPort(pstnPort).start()) {
            DigestClient.Exchange registration = customer.register(600);
            String challenge = DigestClient.header(registration.challenge(), "WWW-Authenticate");
            assertNotNull(challenge, registration.challenge());
            assertEquals("SHA-256", DigestClient.parameter(challenge, "algorithm"), challenge);
            assertEquals("sha.operator.test", DigestClient.parameter(challenge, "realm"), challenge);
            assertEquals(200, registration.status(), registration.response() + operator.describe());
            assertEquals(List.of(customer.contact()), operator.bindings().stream().map(Kamailio.Binding::address).toList());

            DigestClient.Exchange call = customer.invite(DIALLED);
            String proxyChallenge = DigestClient.header(call.challenge(), "Proxy-Authenticate");
            assertEquals("SHA-256", DigestClient.parameter(proxyChallenge, "algorithm"), call.challenge());
            assertEquals(486, call.status(), "the gateway's busy comes back\n" + call.response() + operator.describe());
            String received = gateway.awaitExit(UAS_WAIT).assertSucceeded().messages();
            assertTrue(received.contains("INVITE sip:" + DIALLED + "@127.0.0.1:" + pstnPort + " SIP/2.0"), received);
        }
    }

    @Test
    void challengesWithoutQopAreAnsweredToo() {
        start(OperatorConfig.defaults(pstnPort).withQop(false));
        try (DigestClient customer = new DigestClient(operator.port(), "trunk", "secret", DigestAlgorithm.MD5)) {
            DigestClient.Exchange registration = customer.register(60);

            assertEquals(null, DigestClient.parameter(DigestClient.header(registration.challenge(), "WWW-Authenticate"), "qop"));
            assertEquals(200, registration.status(), registration.response());
        }
    }
}
