package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecedenceTest {

    @TempDir
    Path dir;

    private String file(String text) throws IOException {
        Path path = dir.resolve("vpbx.properties");
        Files.writeString(path, text);
        return path.toString();
    }

    @Test
    void fileOverridesDefaults() throws IOException {
        String path = file("# my site\nadmin.port = 9000\nsip.realm=example.org\n");
        LoadedConfig loaded = ConfigLoader.resolve(new String[] {"--config=" + path}, Map.of());

        assertEquals(9000, loaded.config().admin().port());
        assertEquals("example.org", loaded.config().sip().realm());
        assertEquals(5060, loaded.config().sip().port());
        assertEquals("9000 (from file " + path + ")", loaded.effective().get("admin.port"));
        assertEquals("5060 (from defaults)", loaded.effective().get("sip.port"));
    }

    @Test
    void envOverridesFileAndFlagOverridesEnv() throws IOException {
        String path = file("admin.port=9000\nsip.port=9001\ndb.pool-size=20\n");
        Map<String, String> env = Map.of("VPBX_CONFIG", path, "VPBX_SIP_PORT", "9002", "VPBX_DB_POOL_SIZE", "30");
        LoadedConfig loaded = ConfigLoader.resolve(new String[] {"--db.pool-size=40"}, env);

        assertEquals(9000, loaded.config().admin().port());
        assertEquals(9002, loaded.config().sip().port());
        assertEquals(40, loaded.config().storage().poolSize());
        assertEquals("9000 (from file " + path + ")", loaded.effective().get("admin.port"));
        assertEquals("9002 (from env VPBX_SIP_PORT)", loaded.effective().get("sip.port"));
        assertEquals("40 (from flag --db.pool-size)", loaded.effective().get("db.pool-size"));
    }

    @Test
    void flagAcceptsSeparateValue() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--admin.port", "8081", "--sip.udp", "false"}, Map.of());
        assertEquals(8081, config.admin().port());
        assertEquals(false, config.sip().udp());
    }

    @Test
    void laterFlagWins() {
        VpbxConfig config = ConfigLoader.load(new String[] {"--admin.port=1", "--admin.port=2"}, Map.of());
        assertEquals(2, config.admin().port());
    }

    @Test
    void portZeroIsAllowedForTests() {
        assertEquals(0, ConfigLoader.load(new String[] {"--admin.port=0"}, Map.of()).admin().port());
    }

    @Test
    void configFlagBeatsConfigEnvironmentVariable() throws IOException {
        String flagged = file("admin.port=9100\n");
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "admin.port=9200\n");
        VpbxConfig config = ConfigLoader.load(new String[] {"--config", flagged},
                Map.of("VPBX_CONFIG", other.toString()));
        assertEquals(9100, config.admin().port());
    }

    @Test
    void envNameRuleMapsDotsAndDashesToUnderscores() {
        assertEquals("VPBX_ADMIN_PORT", ConfigKey.envNameOf("admin.port"));
        assertEquals("VPBX_ADMIN_RATE_LIMIT_PER_SECOND", ConfigKey.envNameOf("admin.rate-limit.per-second"));
        assertEquals("VPBX_CATALOG_RESERVATION_TTL", ConfigKey.envNameOf("catalog.reservation-ttl"));

        Map<String, String> env = Map.of(
                "VPBX_ADMIN_RATE_LIMIT_PER_SECOND", "7",
                "VPBX_ADMIN_PAGE_SIZE_MAX", "500",
                "VPBX_CATALOG_RESERVATION_TTL", "PT5M");
        VpbxConfig config = ConfigLoader.load(new String[0], env);
        assertEquals(7, config.admin().rateLimitPerSecond());
        assertEquals(500, config.admin().maxPageSize());
        assertEquals(Duration.ofMinutes(5), config.catalog().reservationTtl());
    }

    @Test
    void optionalValuesAreSetWhenNonEmpty(@TempDir Path prices) {
        String url = "jdbc:postgresql://db:5432/vpbx";
        String key = "k".repeat(SecurityConfig.MIN_OPERATOR_KEY_LENGTH);
        VpbxConfig config = ConfigLoader.load(new String[] {"--db.url=" + url,
            "--catalog.price-table=" + prices.resolve("p.csv"), "--operator.key=" + key}, Map.of());
        assertEquals(url, config.storage().jdbcUrl().orElseThrow());
        assertEquals(prices.resolve("p.csv"), config.catalog().priceTable().orElseThrow());
        assertEquals(key, config.security().operatorKey().orElseThrow());
    }
}
