package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL schema: an admin change made through node A's API reaches node B's routing
 * table and SIP credentials after one round of B following the audit log, without a restart.
 */
class ClusterFollowingTest {
    private static final String NUMBER = "+74951230001";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private String schema;
    private VpbxServer a;
    private VpbxServer b;
    private Api apiA;

    @BeforeEach
    void startTwoNodes() {
        schema = TestDatabases.newPostgresSchema();
        a = node("node-a", dataDir.resolve("a"));
        b = node("node-b", dataDir.resolve("b"));
        apiA = new Api(a.adminPort());
    }

    @AfterEach
    void stopNodes() {
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
        TestDatabases.dropPostgresSchema(schema);
    }

    /** A node whose rounds of following the log run only when the test calls them. */
    private VpbxServer node(String nodeId, Path nodeDir) {
        VpbxServer server = new VpbxServer(ConfigLoader.load(new String[] {"--admin.host=127.0.0.1", "--admin.port=0",
            "--sip.host=127.0.0.1", "--sip.port=0", "--data.dir=" + nodeDir, "--operator.key=" + RunningServer.OPERATOR_KEY,
            "--catalog.sweep-interval=1h", "--db.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema,
            "--db.user=" + TestDatabases.PG_USER, "--registrar.node-id=" + nodeId, "--cluster.poll-interval=0"}, Map.of()), clock);
        server.start();
        return server;
    }

    private String boughtNumber() {
        String acme = RegistrationFixtures.account(apiA);
        apiA.post("/v1/catalog/ranges", RunningServer.OPERATOR_KEY,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}");
        apiA.post("/v1/reservations", acme, "{\"numbers\":[\"" + NUMBER + "\"]}");
        assertEquals(201, apiA.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + NUMBER + "\"]}",
                Map.of("Idempotency-Key", "k")).status());
        return acme;
    }

    @Test
    void aForwardingChangedThroughNodeAIsInNodeBsTableAfterItsRound() {
        String acme = boughtNumber();
        assertTrue(b.routingTable().number(NUMBER).isEmpty(), "B does not hear of the purchase by itself");
        assertTrue(b.follower().pollOnce() > 0);
        assertTrue(b.routingTable().number(NUMBER).isPresent(), "the purchase reached B");

        assertEquals(200, apiA.patch("/v1/numbers/" + NUMBER, acme,
                "{\"forwarding\":{\"target\":{\"type\":\"external_pbx\",\"uris\":[\"sip:pbx1.example.com\"]}}}").status());
        Target forwarded = new Target.ExternalPbx(List.of("sip:pbx1.example.com"));
        assertEquals(forwarded, a.routingTable().number(NUMBER).orElseThrow().target(), "A at once, as before");
        assertNotEquals(forwarded, b.routingTable().number(NUMBER).orElseThrow().target(), "B not before its round");

        assertEquals(1, b.follower().pollOnce());
        assertEquals(forwarded, b.routingTable().number(NUMBER).orElseThrow().target());
        assertEquals(0, b.follower().pollOnce(), "nothing new");
    }

    @Test
    void anEmployeeCreatedOnNodeACanRegisterWithNodeBAfterItsRound() {
        String acme = RegistrationFixtures.account(apiA);
        b.follower().pollOnce();
        String anna = RegistrationFixtures.employee(apiA, acme, "101", "anna", "correct horse battery");
        assertTrue(a.registrar().credentials("anna").isPresent());
        assertTrue(b.registrar().credentials("anna").isEmpty(), "B not before its round");

        b.follower().pollOnce();
        assertEquals(anna, b.registrar().credentials("anna").orElseThrow().subscriberId());

        assertEquals(200, apiA.patch("/v1/employees/" + anna, acme,
                "{\"sip_username\":\"anna.k\",\"sip_password\":\"correct horse battery\"}").status());
        b.follower().pollOnce();
        assertTrue(b.registrar().credentials("anna").isEmpty(), "a rename frees the old name on B too");
        assertEquals(anna, b.registrar().credentials("anna.k").orElseThrow().subscriberId());
    }

    @Test
    void aTrunkDeletedOnNodeALeavesNodeBsTableAfterItsRound() {
        Api.Response created = apiA.post("/v1/trunks", RunningServer.OPERATOR_KEY,
                "{\"name\":\"Carrier A\",\"source_addresses\":[\"192.0.2.10\"],\"outbound_uri\":\"sip:gw.carrier.example\"}");
        assertEquals(201, created.status(), created.body());
        String trunk = created.json().get("id").asText();
        RoutingTable tableB = b.routingTable();
        b.follower().pollOnce();
        assertEquals(trunk, tableB.trunkFrom("192.0.2.10").orElseThrow().id());

        assertEquals(204, apiA.delete("/v1/trunks/" + trunk, RunningServer.OPERATOR_KEY).status());
        assertTrue(a.routingTable().trunkFrom("192.0.2.10").isEmpty());
        assertEquals(trunk, tableB.trunkFrom("192.0.2.10").orElseThrow().id(), "B not before its round");
        b.follower().pollOnce();
        assertTrue(tableB.trunkFrom("192.0.2.10").isEmpty(), "calls from the deleted trunk's address are refused on B too");
        assertEquals(0, tableB.trunkCount());

        assertEquals(2, a.follower().pollOnce(), "A reads its own two changes too");
        assertTrue(a.routingTable().trunkFrom("192.0.2.10").isEmpty(), "and applying them again changes nothing");
    }

    @Test
    void aClipDeletedOnNodeALeavesNodeBsCacheAfterItsRound() {
        Api.Response account = apiA.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}");
        String acme = account.json().get("api_key").asText();
        String acmeId = account.json().get("id").asText();
        Api.Response uploaded = apiA.exactly("POST", "/v1/media?name=Closed", acme,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(Wavs.tone(8000, 1, 1.0, 440)), Map.of("Content-Type", "audio/wav"));
        assertEquals(201, uploaded.status(), uploaded.body());
        String id = uploaded.json().get("id").asText();
        assertTrue(clip(b, acmeId, id).isPresent(), "B loads the clip from the shared database and keeps it");

        assertEquals(204, apiA.delete("/v1/media/" + id, acme).status());
        assertTrue(clip(a, acmeId, id).isEmpty(), "A at once");
        assertTrue(clip(b, acmeId, id).isPresent(), "B still plays its copy before its round");
        b.follower().pollOnce();
        assertTrue(clip(b, acmeId, id).isEmpty(), "B dropped it when the delete came through the audit log");
    }

    private static java.util.Optional<io.vpbx.media.AudioClip> clip(VpbxServer node, String accountId, String mediaId) {
        return node.clips().clip(accountId, mediaId).toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
