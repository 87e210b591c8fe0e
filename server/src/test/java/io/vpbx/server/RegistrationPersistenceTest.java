package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpbx.admin.TestDatabases;
import io.vpbx.config.ConfigLoader;
import io.vpbx.server.sipp.Sipp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrations outlive the node that took them: a restarted server still reaches the phone, and a second
 * node on the same PostgreSQL reaches a phone that registered with the first one after one sync round.
 */
class RegistrationPersistenceTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private static void register(VpbxServer server, int phonePort, int expires) {
        Sipp.scenario("register").remote(server.sip().udpPort()).localPort(phonePort)
                .service("anna").auth("anna", PASSWORD).key("expires", Integer.toString(expires)).run().assertSucceeded();
    }

    @Test
    void aBindingSurvivesARestart() {
        int phonePort = Sipp.freeUdpPort();
        String anna;
        try (RunningServer first = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY)) {
            anna = RegistrationFixtures.employee(first.api, RegistrationFixtures.account(first.api), "101", "anna", PASSWORD);
            register(first.server, phonePort, 600);
        }

        try (RunningServer second = new RunningServer("h2", dataDir, RegistrationFixtures.MD5_ONLY)) {
            assertEquals(List.of("sip:anna@127.0.0.1:" + phonePort), second.server.location().contactsOf(anna));
        }
    }

    @Test
    void aNodeReachesAPhoneRegisteredOnAnotherNodeAfterItsSyncRound() {
        String schema = TestDatabases.newPostgresSchema();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        VpbxServer a = node(schema, "node-a", dataDir.resolve("a"), clock);
        VpbxServer b = null;
        try {
            b = node(schema, "node-b", dataDir.resolve("b"), clock);
            Api api = new Api(a.adminPort());
            String anna = RegistrationFixtures.employee(api, RegistrationFixtures.account(api), "101", "anna", PASSWORD);
            int phonePort = Sipp.freeUdpPort();
            String contact = "sip:anna@127.0.0.1:" + phonePort;

            register(a, phonePort, 600);
            a.registrar().flushWrites();
            assertEquals(List.of(), b.location().contactsOf(anna), "not before B's sync round");
            assertEquals(1, b.registrar().syncOnce());
            assertEquals(List.of(contact), b.location().contactsOf(anna));

            register(a, phonePort, 0);
            a.registrar().flushWrites();
            b.registrar().syncOnce();
            assertEquals(List.of(), b.location().contactsOf(anna), "the removal reaches B too");
            assertEquals(0, a.registrar().syncOnce(), "a node skips its own rows");
        } finally {
            if (b != null) {
                b.stop();
            }
            a.stop();
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    /** A node of a cluster on one PostgreSQL schema; sync rounds only when the test runs them. */
    private static VpbxServer node(String schema, String nodeId, Path dataDir, MutableClock clock) {
        VpbxServer server = new VpbxServer(ConfigLoader.load(new String[] {"--admin.host=127.0.0.1", "--admin.port=0",
            "--sip.host=127.0.0.1", "--sip.port=0", "--data.dir=" + dataDir, "--operator.key=" + RunningServer.OPERATOR_KEY,
            "--catalog.sweep-interval=1h", "--db.url=" + TestDatabases.PG_URL + "?currentSchema=" + schema,
            "--db.user=" + TestDatabases.PG_USER, "--registrar.node-id=" + nodeId, "--registrar.sync-interval=1h",
            "--registrar.removal-retention=2h",
            RegistrationFixtures.MD5_ONLY}, Map.of()), clock);
        server.start();
        return server;
    }
}
