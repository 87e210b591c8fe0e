package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvalidValueTest {

    private static List<String> problems(String[] args, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(args, env)).problems();
    }

    @Test
    void invalidPortFromEnvironmentNamesKeySourceAndExpectation() {
        assertEquals(List.of("admin.port: expected an integer 0..65535 but got 'abc' (from env VPBX_ADMIN_PORT)"),
                problems(new String[0], Map.of("VPBX_ADMIN_PORT", "abc")));
        assertEquals(List.of("sip.port: expected an integer 0..65535 but got '70000' (from flag --sip.port)"),
                problems(new String[] {"--sip.port=70000"}, Map.of()));
    }

    @Test
    void invalidDurationFromFileNamesKeyAndFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vpbx.properties");
        Files.writeString(file, "catalog.quarantine=90 days\n");
        assertEquals(List.of("catalog.quarantine: expected " + DurationText.EXPECTED + " but got '90 days' (from file "
                + file + ")"), problems(new String[] {"--config=" + file}, Map.of()));
    }

    @Test
    void zeroDurationIsRejected() {
        List<String> problems = problems(new String[] {"--catalog.sweep-interval=0s"}, Map.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("catalog.sweep-interval: expected a positive duration"), problems.get(0));
    }

    @Test
    void invalidBooleanNamesKeyAndFlag() {
        assertEquals(List.of("sip.udp: expected true or false but got 'yes' (from flag --sip.udp)"),
                problems(new String[] {"--sip.udp=yes"}, Map.of()));
    }

    @Test
    void severalProblemsAreReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                new String[] {"--bogus=1", "--sip.tcp=maybe", "--db.url=postgres://x"},
                Map.of("VPBX_ADMIN_PORT", "-1", "VPBX_NOPE", "1", "VPBX_DB_POOL_SIZE", "500")));

        List<String> problems = e.problems();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.contains("unknown flag --bogus (see --help for the known keys)"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("unknown environment variable VPBX_NOPE")));
        assertTrue(problems.contains("admin.port: expected an integer 0..65535 but got '-1' (from env VPBX_ADMIN_PORT)"));
        assertTrue(problems.contains("sip.tcp: expected true or false but got 'maybe' (from flag --sip.tcp)"));
        assertTrue(problems.contains("db.url: expected empty (embedded H2 database) or a URL starting with jdbc:"
                + " but got 'postgres://x' (from flag --db.url)"));
        assertTrue(problems.contains("db.pool-size: expected an integer 1..200 but got '500' (from env VPBX_DB_POOL_SIZE)"));
        assertTrue(e.getMessage().startsWith("6 configuration problems:"), e.getMessage());
        problems.forEach(p -> assertTrue(e.getMessage().contains(p), p));
    }

    @Test
    void maxPageSizeBelowDefaultFails() {
        assertEquals(List.of("admin.page-size.max: expected at least admin.page-size.default (2000) but got '1000'"
                + " (from defaults)"), problems(new String[] {"--admin.page-size.default=2000"}, Map.of()));
    }

    @Test
    void sipLimitsFromOutsideAreCheckedNamingTheKey() {
        List<String> problems = problems(new String[] {"--sip.max-headers=5", "--sip.per-source.rate=-1",
            "--sip.advertised-host=0.0.0.0"}, Map.of("VPBX_SIP_MAX_TRANSACTIONS", "0"));
        assertEquals(List.of(
                "sip.max-headers: expected an integer 16..10000 but got '5' (from flag --sip.max-headers)",
                "sip.per-source.rate: expected an integer 0..1000000 but got '-1' (from flag --sip.per-source.rate)",
                "sip.max-transactions: expected an integer 1..10000000 but got '0' (from env VPBX_SIP_MAX_TRANSACTIONS)",
                "sip.advertised-host: expected empty (sip.host, or 127.0.0.1 when that is 0.0.0.0 or ::) or a host"
                        + " name or IP address without port, not 0.0.0.0 or :: but got '0.0.0.0'"
                        + " (from flag --sip.advertised-host)"), problems);
    }

    @Test
    void throttlingCanBeTurnedOffAndTheAdvertisedHostSet() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--sip.per-source.rate=0",
            "--sip.advertised-host=pbx.example.com"}, Map.of());
        assertEquals(false, config.sip().throttlesSources());
        assertEquals("pbx.example.com", config.sip().advertisedHostOrDefault());
    }

    @Test
    void bothSipTransportsOffFails() {
        List<String> problems = problems(new String[] {"--sip.udp=false"}, Map.of("VPBX_SIP_TCP", "false"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("at least one transport must be true"), problems.get(0));
    }

    @Test
    void limitsOnSizesAndTextAreEnforced() {
        List<String> problems = problems(new String[] {"--sip.max-message-bytes=100",
            "--admin.max-body-bytes=10", "--sip.realm=", "--admin.rate-limit.burst=0", "--data.dir="}, Map.of());
        assertEquals(List.of(
                "admin.rate-limit.burst: expected an integer >= 1 but got '0' (from flag --admin.rate-limit.burst)",
                "admin.max-body-bytes: expected an integer >= 1024 but got '10' (from flag --admin.max-body-bytes)",
                "sip.realm: expected a non-empty value but got '' (from flag --sip.realm)",
                "sip.max-message-bytes: expected an integer 512..65535 but got '100' (from flag --sip.max-message-bytes)",
                "data.dir: expected a file system path but got '' (from flag --data.dir)"), problems);
    }

    @Test
    void aSocketTimeoutNotAboveTheStatementTimeoutIsRefusedNamingIt() {
        List<String> problems = problems(new String[] {"--db.statement-timeout=20s", "--db.socket-timeout=15s"}, Map.of());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("db.socket-timeout: expected longer than db.statement-timeout"), problems.get(0));
    }

    @Test
    void theOutageKeysBindIntoTheStorageConfig() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--db.connect-timeout=1s", "--db.retry-after=3s",
                "--db.outage.held-records=50", "--db.outage.dir=/var/lib/vpbx/outage", "--data.dir=/data"}, Map.of());
        assertEquals(java.time.Duration.ofSeconds(1), config.storage().outage().connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(3), config.storage().outage().retryAfter());
        assertEquals(50, config.storage().outage().heldRecords());
        assertEquals(java.nio.file.Path.of("/var/lib/vpbx/outage"), config.storage().outageDir());
        assertEquals(java.nio.file.Path.of("/data/outage"), VpbxConfig.defaults().storage().outage()
                .folder(java.nio.file.Path.of("/data")));
    }
}
