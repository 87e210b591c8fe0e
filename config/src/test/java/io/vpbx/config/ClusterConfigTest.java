package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    private static List<String> problems(String... flags) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(flags, Map.of())).problems();
    }

    @Test
    void defaultsFollowTheLogEverySecondFiveHundredEntriesAtATime() {
        ClusterConfig cluster = VpbxConfig.defaults().cluster();
        assertEquals(new ClusterConfig(Duration.ofSeconds(1), 500, true, Duration.ofSeconds(2), Duration.ofSeconds(30)), cluster);
        assertTrue(cluster.follows());
    }

    @Test
    void zeroTurnsFollowingOff() {
        ClusterConfig off = ConfigLoader.load(new String[] {"--cluster.poll-interval=0"}, Map.of()).cluster();
        assertEquals(Duration.ZERO, off.pollInterval());
        assertFalse(off.follows());
        assertEquals(Duration.ofMillis(250), ConfigLoader.load(new String[] {"--cluster.poll-interval=250ms"}, Map.of())
                .cluster().pollInterval());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals(List.of("cluster.poll-interval: expected 0 (off) or " + DurationText.EXPECTED
                + " but got '-1s' (from flag --cluster.poll-interval)"), problems("--cluster.poll-interval=-1s"));
        assertEquals(List.of("cluster.poll-batch: expected an integer 1..100000 but got '0' (from flag --cluster.poll-batch)"),
                problems("--cluster.poll-batch=0"));
    }

    @Test
    void notifyAndDrainTimesAreRead() {
        ClusterConfig cluster = ConfigLoader.load(new String[] {"--cluster.notify=false", "--cluster.drain-notice=1s",
            "--cluster.drain-timeout=5s"}, Map.of()).cluster();
        assertFalse(cluster.listens());
        assertEquals(Duration.ofSeconds(1), cluster.drainNotice());
        assertEquals(Duration.ofSeconds(5), cluster.drainTimeout());
        assertEquals(List.of("cluster.drain-timeout: must be at least cluster.drain-notice (PT5S) but is PT1S (from flag --cluster.drain-timeout)"),
                problems("--cluster.drain-notice=5s", "--cluster.drain-timeout=1s"));
    }

    @Test
    void theRecordChecksItselfToo() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterConfig(Duration.ofSeconds(-1), 500));
        assertThrows(IllegalArgumentException.class, () -> new ClusterConfig(Duration.ofSeconds(1), 0));
        assertThrows(NullPointerException.class, () -> new ClusterConfig(null, 500));
    }
}
