package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Toll-fraud control through the whole server over UDP: a guesser at 127.0.0.1 fails three times and anna's
 * username is locked for that address, for REGISTER (401) and calls out (407) alike, even with the right
 * password, answered like a wrong password; anna's phone at 127.0.0.2 still registers and calls.
 */
class DigestLockoutSippTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;
    private RunningServer running;
    private String anna;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY, "--registrar.lockout.source-failures=3",
                "--registrar.lockout.username-failures=10");
        anna = RegistrationFixtures.employee(running.api, RegistrationFixtures.account(running.api), "101", "anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private Sipp refusedRegister(String password) {
        return Sipp.scenario("register-refused").remote(running.server.sip().udpPort()).service("anna").auth("anna", password)
                .key("expires", "600").recvTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aGuessingAddressIsLockedOutWhileThePhoneElsewhereKeepsWorking() {
        refusedRegister("guess").calls(3).run().assertSucceeded();
        assertTrue(running.api.get("/metrics", null).body().contains("vpbx_sip_digest_lockouts_total{scope=\"source\"} 1.0"),
                "one lock, counted");

        refusedRegister(PASSWORD).run().assertSucceeded(); // the right password from the locked address: 401 again
        assertEquals(List.of(), running.server.location().contactsOf(anna));
        Sipp.scenario("outbound-challenged-again").remote(running.server.sip().udpPort()).service("+79161234567")
                .auth("anna", PASSWORD).key("caller", "+74951230009").recvTimeout(Duration.ofSeconds(5)).run().assertSucceeded();

        int phonePort = Sipp.freeUdpPort();
        Sipp.scenario("register").remote(running.server.sip().udpPort()).localPort(phonePort).arguments("-i", "127.0.0.2")
                .service("anna").auth("anna", PASSWORD).key("expires", "600").run().assertSucceeded();
        assertEquals(List.of("sip:anna@127.0.0.2:" + phonePort), running.server.location().contactsOf(anna));
        Sipp.scenario("outbound-refused").remote(running.server.sip().udpPort()).service("+79161234567")
                .auth("anna", PASSWORD).key("caller", "+74951230009").arguments("-i", "127.0.0.2")
                .recvTimeout(Duration.ofSeconds(5)).run().assertSucceeded(); // authenticated, then 403 for the caller ID

        String metrics = running.api.get("/metrics", null).body();
        assertTrue(metrics.contains("vpbx_sip_digest_failures_total 3.0"), metrics);
        assertTrue(metrics.contains("vpbx_sip_digest_locked_attempts_total 2.0"), metrics);
    }

    @Test
    void anUnknownUsernameIsAnsweredAndLockedAlike() {
        Sipp.scenario("register-refused").remote(running.server.sip().udpPort()).service("nobody").auth("nobody", "guess")
                .key("expires", "600").calls(4).recvTimeout(Duration.ofSeconds(5)).run().assertSucceeded();
        assertTrue(running.api.get("/metrics", null).body().contains("vpbx_sip_digest_lockouts_total{scope=\"source\"} 1.0"));
    }
}
