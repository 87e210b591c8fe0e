package io.vpbx.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The number catalogue's timing and limits.
 *
 * @param reservationTtl how long a reservation holds a number
 * @param quarantine how long a released number rests before reuse
 * @param sweepInterval how often expiries are swept
 * @param priceTable a price table file, or empty for the bundled table
 * @param importMaxRange most numbers one range import may create
 */
public record CatalogConfig(Duration reservationTtl, Duration quarantine, Duration sweepInterval,
        Optional<Path> priceTable, int importMaxRange) {

    public CatalogConfig {
        Checks.requirePositive(reservationTtl, "reservation TTL");
        Checks.requirePositive(quarantine, "quarantine");
        Checks.requirePositive(sweepInterval, "sweep interval");
        Objects.requireNonNull(priceTable, "priceTable");
        Checks.requireAtLeast(importMaxRange, 1, "import max range");
    }
}
