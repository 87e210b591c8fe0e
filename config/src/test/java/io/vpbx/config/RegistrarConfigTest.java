package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrarConfigTest {

    private static List<String> problems(String... flags) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(flags, Map.of())).problems();
    }

    @Test
    void defaultsFollowRfc3261AndSyncEveryTwoSeconds() {
        assertEquals(new RegistrarConfig(60, 3600, 3600, 10, Duration.ofMinutes(5), 100_000, List.of("SHA-256", "MD5"), 10_000, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMinutes(10), ""), VpbxConfig.defaults().registrar());
    }

    @Test
    void expiriesMustBeOrdered() {
        assertEquals(List.of("registrar.max-expires: expected at least registrar.min-expires (600) but got '300'"
                + " (from flag --registrar.max-expires)"), problems("--registrar.min-expires=600", "--registrar.max-expires=300"));
        assertEquals(List.of("registrar.default-expires: expected 60..3600 (registrar.min-expires..registrar.max-expires)"
                + " but got '7200' (from flag --registrar.default-expires)"), problems("--registrar.default-expires=7200"));
        assertEquals(List.of("registrar.min-expires: expected an integer 1..3600 but got '7200' (from flag --registrar.min-expires)"),
                problems("--registrar.min-expires=7200"));
    }

    @Test
    void removalsMustOutliveOneSyncRound() {
        assertEquals(List.of("registrar.removal-retention: expected longer than registrar.sync-interval plus"
                + " registrar.sync-lookback (PT12S) but got 'PT12S' (from flag --registrar.removal-retention)"),
                problems("--registrar.removal-retention=12s"));
    }

    @Test
    void lockoutOfAUsernameEverywhereNeedsMoreFailuresThanOneAddressCanMake() {
        RegistrarConfig.Lockout lockout = ConfigLoader.load(new String[] {"--registrar.lockout.source-failures=3",
                "--registrar.lockout.username-failures=0", "--registrar.lockout.duration=1h"}, Map.of()).registrar().lockout();
        assertEquals(new RegistrarConfig.Lockout(3, 0, Duration.ofMinutes(10), Duration.ofHours(1), 100_000), lockout);
        assertEquals(List.of("registrar.lockout.username-failures: expected more than registrar.lockout.source-failures (5),"
                + " or one address could lock a username out everywhere, but got '5' (from flag --registrar.lockout.username-failures)"),
                problems("--registrar.lockout.username-failures=5"));
    }

    @Test
    void nodeIdIsEmptyOrAPlainName() {
        assertEquals("pbx-2.eu_west", ConfigLoader.load(new String[] {"--registrar.node-id=pbx-2.eu_west"}, Map.of())
                .registrar().nodeId());
        assertEquals(List.of("registrar.node-id: expected empty (a random id per start) or 1..64 letters, digits, '.', '_'"
                + " or '-' but got 'pbx 2' (from flag --registrar.node-id)"), problems("--registrar.node-id=pbx 2"));
    }

    @Test
    void digestAlgorithmsAreANonEmptyListOfKnownNames() {
        assertEquals(List.of("MD5"), ConfigLoader.load(new String[] {"--registrar.digest-algorithms=md5"}, Map.of())
                .registrar().digestAlgorithms());
        assertEquals(List.of("MD5", "SHA-256"), ConfigLoader.load(new String[] {"--registrar.digest-algorithms=MD5, SHA-256"},
                Map.of()).registrar().digestAlgorithms());
        for (String bad : List.of("", "SHA-512", "MD5,MD5", "MD5,")) {
            assertEquals(List.of("registrar.digest-algorithms: expected SHA-256, MD5 or both, comma-separated, most preferred"
                    + " first but got '" + bad + "' (from flag --registrar.digest-algorithms)"),
                    problems("--registrar.digest-algorithms=" + bad), bad);
        }
    }

    @Test
    void theRecordChecksItselfToo() {
        Duration s = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(0, 3600, 600, 1, s, 1, List.of("MD5"), 1, s, s, Duration.ofMinutes(1), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(60, 3600, 30, 1, s, 1, List.of("MD5"), 1, s, s, Duration.ofMinutes(1), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(60, 3600, 600, 1, s, 1, List.of("MD5"), 0, s, s, Duration.ofMinutes(1), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(60, 3600, 600, 1, s, 1, List.of("MD5"), 1, s, s, s, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(60, 3600, 600, 1, s, 1, List.of(), 1, s, s, Duration.ofMinutes(1), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrarConfig(60, 3600, 600, 1, s, 1, List.of("MD5"), 1, s, s, Duration.ofMinutes(1), "a/b"));
    }
}
