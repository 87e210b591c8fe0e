package io.vpbx.server.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness itself: a background UAS, an injection file and keys, and failures that say what went wrong. */
class SippTest {

    @Test
    void aUacReachesABackgroundUasWithInjectedFieldsAndKeys() {
        int uasPort = Sipp.freeUdpPort();
        try (Sipp.Background uas = Sipp.scenario("options-uas").localPort(uasPort).calls(10).start()) {
            Sipp.Result uac = Sipp.scenario("options").remote(uasPort).injection("SEQUENTIAL\nalice\nbob\n").calls(2)
                    .key("agent", "vpbx harness test").run().assertSucceeded();

            assertTrue(uac.messages().contains("OPTIONS sip:alice@127.0.0.1:" + uasPort), uac.messages());
            assertTrue(uac.messages().contains("OPTIONS sip:bob@127.0.0.1:" + uasPort), uac.messages());
            assertTrue(uac.messages().contains("User-Agent: vpbx harness test"), uac.messages());
            assertTrue(uas.isAlive(), "the UAS answers until it is stopped");
            long pid = uas.pid();

            uas.stop();

            assertFalse(uas.isAlive());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void noAnswerFailsWithinTheReceiveTimeoutQuotingTheLogs() {
        Sipp.Result result = Sipp.scenario("options").remote(Sipp.freeUdpPort()).injection("SEQUENTIAL\nnobody\n")
                .key("agent", "x").recvTimeout(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(10)).run();

        assertFalse(result.succeeded());
        AssertionError failure = assertThrows(AssertionError.class, result::assertSucceeded);
        assertTrue(failure.getMessage().contains("OPTIONS sip:nobody@"), failure.getMessage());
        assertTrue(failure.getMessage().contains("exit code " + result.exitCode()), failure.getMessage());
    }

    @Test
    void aProcessOutlivingItsTimeoutIsDestroyed() {
        Sipp.Result result = Sipp.scenario("options-uas").timeout(Duration.ofMinutes(5))
                .processTimeout(Duration.ofSeconds(1)).run();

        assertFalse(result.succeeded());
        assertEquals("destroyed after the process timeout of PT1S", result.killed());
    }

    @Test
    void anUnknownScenarioIsRefusedBeforeSippStarts() {
        assertThrows(IllegalArgumentException.class, () -> Sipp.scenario("no-such-scenario").run());
    }
}
