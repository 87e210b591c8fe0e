package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrars that misbehave, played by SIPp: vpbx's registration of a third-party number must report each case
 * in its health and history, retry where retrying can help (with backoff, honouring Retry-After), stop where it
 * cannot (no hammering), and recover on its own when the operator's server comes back. T1 is 50 ms here, so an
 * unanswered REGISTER times out after 3.2 s (64*T1) instead of 32 s.
 */
class ThirdPartyHostileRegistrarTest {
    private static final String NUMBER = "+79031112244";
    private static final Pattern REGISTER_CSEQ = Pattern.compile("(?m)^CSeq: (\\d+) REGISTER");
    private static final Duration WAIT = Duration.ofSeconds(12);

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;
    private final int registrarPort = Sipp.freeUdpPort();

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir, "--sip.timer-t1=50ms", "--uplink.retry-base=300ms", "--uplink.retry-max=1s");
        api = running.api;
        acme = RegistrationFixtures.account(api);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aRegistrarThatChallengesEveryAnswerEndsInFailedAuthAndIsLeftAlone() {
        try (Sipp.Background registrar = registrar("registrar-challenge-twice")) {
            connect();
            JsonNode failed = awaitHealth("failed_auth", health -> true);
            assertEquals(401, failed.get("registration").get("last_code").asInt(), failed.toString());
            assertTrue(stateSeen(failed, "retrying"), "retried before giving up: " + failed.get("history"));
            sleep(Duration.ofSeconds(2)); // two periods of the longest backoff: another round would have come
            long registers = registersReceived(registrar.stop().messages());
            assertTrue(registers <= 9, "three rounds of at most three REGISTERs, then none: " + registers);
        }
    }

    @Test
    void aForbiddenRegistrarEndsInFailedAuthAfterThreeAttempts() {
        try (Sipp.Background registrar = registrar("registrar-forbidden")) {
            connect();
            JsonNode failed = awaitHealth("failed_auth", health -> true);
            assertEquals(403, failed.get("registration").get("last_code").asInt(), failed.toString());
            sleep(Duration.ofSeconds(1));
            assertEquals(3, registersReceived(registrar.stop().messages()));
        }
    }

    @Test
    void retryAfterIsHonoured() {
        try (Sipp.Background registrar = registrar("registrar-retry-after")) {
            connect();
            JsonNode retrying = awaitHealth("retrying", health -> health.get("last_code").asInt() == 503);
            JsonNode registration = retrying.get("registration");
            Instant updated = Instant.parse(registration.get("updated_at").asText());
            Instant next = Instant.parse(registration.get("next_attempt_at").asText());
            Duration wait = Duration.between(updated, next);
            assertTrue(wait.compareTo(Duration.ofSeconds(2)) >= 0 && wait.compareTo(Duration.ofMillis(2_300)) <= 0,
                    "Retry-After: 2 (plus at most a tenth), not the 1 s backoff ceiling: " + wait);
            registrar.stop();
        }
    }

    @Test
    void aRegistrarThatNeverAnswersIsRetriedAfterTimerF() {
        try (Sipp.Background registrar = registrar("registrar-silent")) {
            connect();
            JsonNode retrying = awaitHealth("retrying", health -> health.get("last_code").asInt() == 408);
            assertTrue(retrying.get("registration").get("last_reason").asText().contains("no answer"), retrying.toString());
            registrar.stop();
        }
    }

    @Test
    void anOkWithoutOurContactIsNotARegistration() {
        try (Sipp.Background registrar = registrar("registrar-no-contact")) {
            connect();
            JsonNode retrying = awaitHealth("retrying", health -> health.get("last_code").asInt() == 200);
            assertTrue(retrying.get("registration").get("last_reason").asText().contains("Contact"), retrying.toString());
            registrar.stop();
        }
    }

    @Test
    void theOperatorsServerComingBackIsRegisteredToWithoutHelp() {
        connect(); // nothing listens there yet: REGISTERs go unanswered
        awaitHealth("retrying", health -> health.get("last_code").asInt() == 408);
        try (Sipp.Background registrar = registrar("registrar-ok")) {
            JsonNode registered = awaitHealth("registered", health -> true);
            JsonNode registration = registered.get("registration");
            assertEquals(Instant.parse(registration.get("updated_at").asText()).plusSeconds(600),
                    Instant.parse(registration.get("registered_until").asText()), "the 600 s the registrar granted");
            assertTrue(stateSeen(registered, "retrying"), registered.get("history").toString());
            registrar.stop();
        }
    }

    // ---- fixtures ----

    private Sipp.Background registrar(String scenario) {
        return Sipp.scenario(scenario).localPort(registrarPort).timeout(Duration.ofSeconds(40)).start();
    }

    private void connect() {
        Api.Response created = api.post("/v1/third-party-numbers", acme, """
                {"number":"%s","login":"trunk","password":"secret","server":"127.0.0.1","port":%d,"transport":"udp","expires":600}"""
                .formatted(NUMBER, registrarPort));
        assertEquals(201, created.status(), created.body());
    }

    /** The number's view once its registration is in {@code state} and {@code also} holds for the registration. */
    private JsonNode awaitHealth(String state, Predicate<JsonNode> also) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            running.server.flushRegistrationHealth();
            view = api.get("/v1/third-party-numbers/" + NUMBER, acme).json();
            JsonNode registration = view.get("registration");
            if (state.equals(registration.get("state").asText()) && also.test(registration)) {
                return view;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("registration not " + state + " within " + WAIT + ": " + view);
    }

    private static boolean stateSeen(JsonNode view, String state) {
        for (JsonNode entry : view.get("history")) {
            if (state.equals(entry.get("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Distinct REGISTER transactions (by CSeq) in a registrar's message log, retransmissions counted once. */
    private static long registersReceived(String messages) {
        Matcher matcher = REGISTER_CSEQ.matcher(messages);
        return matcher.results().map(match -> match.group(1)).distinct().count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
