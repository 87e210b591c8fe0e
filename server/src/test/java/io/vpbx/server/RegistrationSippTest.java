package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employee's phone (SIPp) registers with the whole server over UDP on 127.0.0.1, as a real phone would.
 * SIPp answers only MD5 challenges and only the first one, like some older phones: the server offers MD5
 * alone here, as an operator with such phones would configure it.
 */
class RegistrationSippTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;
    private RunningServer running;
    private String anna;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY);
        anna = RegistrationFixtures.employee(running.api, RegistrationFixtures.account(running.api), "101", "anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private Sipp register(String password, int phonePort, int expires) {
        return Sipp.scenario("register").remote(running.server.sip().udpPort()).localPort(phonePort)
                .service("anna").auth("anna", password).key("expires", Integer.toString(expires));
    }

    @Test
    void aPhoneRegistersWithDigestAndCanThenBeReached() {
        int phonePort = Sipp.freeUdpPort();

        register(PASSWORD, phonePort, 600).run().assertSucceeded();

        assertEquals(List.of("sip:anna@127.0.0.1:" + phonePort), running.server.location().contactsOf(anna));
        assertTrue(running.api.get("/metrics", null).body().contains("vpbx_sip_registrations 1.0"), "the gauge counts it");
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndBindsNothing() {
        Sipp.scenario("register-refused").remote(running.server.sip().udpPort())
                .service("anna").auth("anna", "not the password").key("expires", "600").run().assertSucceeded();

        assertEquals(List.of(), running.server.location().contactsOf(anna));
    }

    @Test
    void expiresZeroUnregistersTheContact() {
        int phonePort = Sipp.freeUdpPort();
        register(PASSWORD, phonePort, 600).run().assertSucceeded();

        register(PASSWORD, phonePort, 0).run().assertSucceeded();

        assertEquals(List.of(), running.server.location().contactsOf(anna));
    }
}
