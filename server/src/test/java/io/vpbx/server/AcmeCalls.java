package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The set-up the whole-server call tests share: a server on H2 with MD5 digests (SIPp's), the account Acme with its
 * employees anna (101) and boris (102), the carrier's range and trunk at 127.0.0.1 (where SIPp plays the carrier),
 * and Acme's numbers bought and made active. Then: calls from the carrier, phones that answer, and the call records.
 */
final class AcmeCalls implements AutoCloseable {
    /** How long one SIPp call may take in all. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration RECV_TIMEOUT = Duration.ofSeconds(15);

    final RunningServer running;
    final Api api;
    /** Acme's API key. */
    final String acme;
    final CallFixtures fixtures;
    final String anna;
    final String boris;

    private AcmeCalls(RunningServer running, String... numbers) {
        this.running = running;
        this.api = running.api;
        this.acme = RegistrationFixtures.account(api);
        this.fixtures = new CallFixtures(running, acme);
        this.anna = RegistrationFixtures.employee(api, acme, "101", "anna", CallFixtures.PASSWORD);
        this.boris = RegistrationFixtures.employee(api, acme, "102", "boris", CallFixtures.PASSWORD);
        fixtures.carrier();
        for (int i = 0; i < numbers.length; i++) {
            fixtures.activate(numbers[i], "9204 00000" + (i + 1));
        }
    }

    /** A server in {@code dataDir} set up with {@code numbers} active (from +74951230000 to +74951230009). */
    static AcmeCalls start(Path dataDir, String... numbers) {
        return withFlags(dataDir, new String[0], numbers);
    }

    /** As {@link #start}, with the server's extra command-line {@code flags}. */
    static AcmeCalls withFlags(Path dataDir, String[] flags, String... numbers) {
        String[] all = Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = RegistrationFixtures.MD5_ONLY;
        RunningServer running = new RunningServer("h2", dataDir, all);
        try {
            return new AcmeCalls(running, numbers);
        } catch (RuntimeException | Error e) {
            running.close();
            throw e;
        }
    }

    /** The carrier calls {@code number} with SIPp's {@code scenario}; the call's result. */
    Sipp.Result call(String scenario, String number) {
        return Sipp.scenario(scenario).remote(running.server.sip().udpPort()).service(number)
                .recvTimeout(RECV_TIMEOUT).timeout(CALL_LIMIT).run();
    }

    /** A phone on {@code port} playing SIPp's {@code scenario} (uas-answer, uas-busy...) in the background. */
    static Sipp.Background uas(String scenario, int port) {
        return Sipp.scenario(scenario).localPort(port).recvTimeout(RECV_TIMEOUT).timeout(CALL_LIMIT).start();
    }

    /** Acme's call records, written out first. */
    JsonNode records() {
        running.server.admin().callRecords().flush();
        return ok(200, api.get("/v1/cdrs", acme)).json().get("items");
    }

    /** Acme's one call record. */
    JsonNode onlyRecord() {
        JsonNode items = records();
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    @Override
    public void close() {
        running.close();
    }
}
