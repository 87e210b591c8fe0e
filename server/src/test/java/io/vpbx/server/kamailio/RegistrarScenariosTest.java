package io.vpbx.server.kamailio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hostile registrars of {@code sipp/registrar-*.xml} (SIPp UASs for the third-party registration tests) load in
 * SIPp and answer as their headers say, to SIPp's own REGISTER scenarios and, round after round on one Call-ID as a
 * refreshing client sends them, to a bare digest client.
 */
class RegistrarScenariosTest {
    private static final Pattern VIA_BRANCH = Pattern.compile("(?m)^Via: [^\\r\\n]*;branch=([^;\\s]+)");

    private final int registrarPort = Sipp.freeUdpPort();

    private Sipp.Background registrar(String scenario) {
        return Sipp.scenario(scenario).localPort(registrarPort).calls(20).timeout(Duration.ofSeconds(25)).start();
    }

    private DigestClient client() {
        return new DigestClient(registrarPort, "trunk", "secret", DigestAlgorithm.MD5);
    }

    @Test
    void okChallengesAcceptsRefreshesOnOneCallIdAndUnbindsOnExpiresZero() {
        try (Sipp.Background registrar = registrar("registrar-ok"); DigestClient client = client()) {
            Sipp.scenario("register").remote(registrarPort).service("trunk").auth("trunk", "secret").key("expires", "60")
                    .run().assertSucceeded();

            DigestClient.Exchange first = client.register(60);
            assertEquals(401, DigestClient.status(first.challenge()), first.challenge());
            assertEquals("registrar.test", DigestClient.parameter(DigestClient.header(first.challenge(), "WWW-Authenticate"), "realm"));
            assertEquals(200, first.status(), first.response());
            assertEquals("<" + client.contact() + ">;expires=60", DigestClient.header(first.response(), "Contact"));

            DigestClient.Exchange refresh = client.register(30);
            assertEquals(200, refresh.status(), refresh.response());
            assertEquals("<" + client.contact() + ">;expires=30", DigestClient.header(refresh.response(), "Contact"));

            DigestClient.Exchange unregister = client.register(0);
            assertEquals(200, unregister.status(), unregister.response());
            assertNull(DigestClient.header(unregister.response(), "Contact"), unregister.response());
            assertTrue(registrar.isAlive(), "answers until stopped");
        }
    }

    @Test
    void challengeTwiceChallengesEveryRoundAgain() {
        try (Sipp.Background registrar = registrar("registrar-challenge-twice"); DigestClient client = client()) {
            Sipp.scenario("register-refused").remote(registrarPort).service("trunk").auth("trunk", "secret")
                    .key("expires", "60").run().assertSucceeded();

            for (int round = 0; round < 3; round++) {
                DigestClient.Exchange exchange = client.register(60);
                assertEquals(401, DigestClient.status(exchange.challenge()), exchange.challenge());
                assertEquals(401, exchange.status(), "the authorised REGISTER is challenged again\n" + exchange.response());
            }
            assertEquals(2 + 6, registersReceived(registrar.stop()), "SIPp's 2, then 3 rounds of 2");
        }
    }

    @Test
    void forbiddenRefusesEveryRegisterWithoutAChallenge() {
        try (Sipp.Background registrar = registrar("registrar-forbidden"); DigestClient client = client()) {
            for (int round = 0; round < 2; round++) {
                DigestClient.Exchange exchange = client.register(60);
                assertNull(exchange.challenge());
                assertEquals(403, exchange.status(), exchange.response());
            }
            assertEquals(2, registersReceived(registrar.stop()));
        }
    }

    @Test
    void retryAfterAnswers503WithRetryAfter2() {
        try (Sipp.Background registrar = registrar("registrar-retry-after"); DigestClient client = client()) {
            for (int round = 0; round < 2; round++) {
                DigestClient.Exchange exchange = client.register(60);
                assertEquals(503, exchange.status(), exchange.response());
                assertEquals("2", DigestClient.header(exchange.response(), "Retry-After"));
            }
            assertEquals(2, registersReceived(registrar.stop()));
        }
    }

    @Test
    void silentTakesRegistersAndNeverAnswers() {
        try (Sipp.Background registrar = registrar("registrar-silent");
                DigestClient client = new DigestClient(registrarPort, "trunk", "secret", DigestAlgorithm.MD5, Duration.ofMillis(1_500))) {
            assertNull(client.register(60).response());
            assertNull(client.register(60).response());

            Sipp.Result result = registrar.stop();
            assertEquals(2, registersReceived(result), result.messages());
            assertTrue(!result.messages().contains("SIP/2.0 "), "nothing was answered\n" + result.messages());
        }
    }

    @Test
    void noContactAnswers200WithoutContactToTheAuthorisedRegister() {
        try (Sipp.Background registrar = registrar("registrar-no-contact"); DigestClient client = client()) {
            for (int round = 0; round < 2; round++) {
                DigestClient.Exchange exchange = client.register(60);
                assertNotNull(exchange.challenge());
                assertEquals(200, exchange.status(), exchange.response());
                assertNull(DigestClient.header(exchange.response(), "Contact"), exchange.response());
                assertNull(DigestClient.header(exchange.response(), "Expires"), exchange.response());
            }
        }
    }

    /** Distinct REGISTER transactions (by Via branch) a registrar's message log shows, retransmissions counted once. */
    private static long registersReceived(Sipp.Result result) {
        Matcher matcher = VIA_BRANCH.matcher(result.messages());
        return matcher.results().map(match -> match.group(1)).distinct().count();
    }
}
