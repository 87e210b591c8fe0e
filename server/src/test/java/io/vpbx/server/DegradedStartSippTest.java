package io.vpbx.server;

import static io.vpbx.server.CallFixtures.OP;
import static io.vpbx.server.CallFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.server.faults.FaultyTcpProxy;
import io.vpbx.server.sipp.Sipp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, single-node fault 4: a node restarted while its database is unreachable used to exit and take SIP down.
 * It now starts from its routing snapshot (numbers, employees' credentials, bindings), routes calls in degraded mode
 * (reported by /health/ready and vpbx_degraded) and catches up without a restart once the database answers.
 */
class DegradedStartSippTest {
    private static final String DID = "+74951230001";

    @TempDir
    Path dataDir;
    private FaultyTcpProxy proxy;
    private RunningServer running;
    private Api api;
    private String acme;
    private CallFixtures fixtures;
    private String anna;
    private VpbxServer restarted;

    @BeforeEach
    void start() {
        URI pg = URI.create(TestDatabases.PG_URL.substring("jdbc:".length()));
        proxy = FaultyTcpProxy.to(pg.getHost(), pg.getPort());
        running = new RunningServer("postgresql", "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath(), dataDir,
                RegistrationFixtures.MD5_ONLY, "--db.retry-after=1s", "--db.connect-timeout=1s", "--db.statement-timeout=3s",
                "--db.socket-timeout=5s", "--db.outage.snapshot-interval=1h");
        api = running.api;
        acme = RegistrationFixtures.account(api);
        fixtures = new CallFixtures(running, acme);
        anna = RegistrationFixtures.employee(api, acme, "101", "anna", PASSWORD);
        fixtures.carrier();
        fixtures.activate(DID, "9204 000001");
    }

    @AfterEach
    void stop() {
        proxy.restore();
        if (restarted != null) {
            restarted.stop();
        }
        running.close();
        proxy.close();
    }

    @Test
    void aNodeStartedWhileItsDatabaseIsCutRoutesCallsFromItsSnapshotAndCatchesUpWhenItIsBack() throws Exception {
        int phone = fixtures.register("anna");
        fixtures.forward(DID, "{\"type\":\"employee\",\"employee_id\":\"" + anna + "\"}", 10);
        running.server.registrar().flushWrites();
        running.server.snapshots().writeIfStale();
        assertTrue(Files.exists(dataDir.resolve("outage").resolve("routing-snapshot.mv.db")));
        running.server.stop();

        proxy.cut();
        restarted = new VpbxServer(running.config, running.clock);
        restarted.start(); // exited before: Flyway could not reach the database
        Api node = new Api(restarted.adminPort());
        assertEquals(503, node.get("/health/ready", null).status());
        assertEquals(1.0, metric(node, "vpbx_degraded"));

        try (Sipp.Background answering = Sipp.scenario("uas-answer").localPort(phone).recvTimeout(Duration.ofSeconds(15))
                .timeout(Duration.ofSeconds(20)).start()) {
            Sipp.scenario("call").remote(restarted.sip().udpPort()).service(DID).recvTimeout(Duration.ofSeconds(10)).run()
                    .assertSucceeded();
            answering.awaitExit(Duration.ofSeconds(20)).assertSucceeded();
        }
        assertEquals(503, node.get("/v1/numbers/" + DID, acme).status(), "the admin API waits for the database");

        proxy.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (node.get("/health/ready", null).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(200, node.get("/health/ready", null).status(), "caught up without a restart");
        assertEquals(0.0, metric(node, "vpbx_degraded"));
        assertEquals(200, node.get("/v1/numbers/" + DID, acme).status());
        restarted.admin().callRecords().flush();
        assertEquals(1, node.get("/v1/cdrs", acme).json().get("items").size(), "the call served from the snapshot is recorded");
    }

    private static double metric(Api node, String name) {
        for (String line : node.get("/metrics", OP).body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }
}
