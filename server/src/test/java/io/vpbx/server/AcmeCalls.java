package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.server.sipp.Sipp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up the whole-server call tests share: a server on H2 with MD5 digests (SIPp's), the account Acme with its
 * employees anna (101) and boris (102), the carrier's range and trunk at 127.0.0.1 (where SIPp plays the carrier),
 * and Acme's numbers bought and made active. Then: calls from the carrier, phones that answer, and the call records.
 * A test registers it ({@code @RegisterExtension final AcmeCalls calls = AcmeCalls.numbers(DID);}) and gets a new
 * server for each test, before its own {@code @BeforeEach}; or starts one itself with {@link #withFlags}.
 */
final class AcmeCalls implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    /** How long one SIPp call may take in all. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration RECV_TIMEOUT = Duration.ofSeconds(15);

    private final String[] numbers;
    private Path dataDir;
    RunningServer running;
    Api api;
    /** Acme's API key. */
    String acme;
    CallFixtures fixtures;
    String anna;
    String boris;

    private AcmeCalls(String... numbers) {
        this.numbers = numbers;
    }

    /** An extension that sets a server up for each test with {@code numbers} active (+74951230000 to +74951230009). */
    static AcmeCalls numbers(String... numbers) {
        return new AcmeCalls(numbers);
    }

    @Override
    public void beforeEach(ExtensionContext test) throws IOException {
        dataDir = Files.createTempDirectory("vpbx-calls");
        setUp(new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY));
    }

    @Override
    public void afterEach(ExtensionContext test) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private void setUp(RunningServer server) {
        this.running = server;
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

    /** A server in {@code dataDir} with the extra command-line {@code flags}, set up with {@code numbers} active. */
    static AcmeCalls withFlags(Path dataDir, String[] flags, String... numbers) {
        String[] all = Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = RegistrationFixtures.MD5_ONLY;
        AcmeCalls calls = new AcmeCalls(numbers);
        RunningServer server = new RunningServer("h2", dataDir, all);
        try {
            calls.setUp(server);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return calls;
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
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
