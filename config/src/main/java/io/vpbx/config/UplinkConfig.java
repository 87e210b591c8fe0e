package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How vpbx registers third-party numbers at their operators' registrars.
 *
 * @param startsPerSecond   most first registrations started per second (at startup thousands are spread out)
 * @param retryBase         wait after the first failure; doubled after each further one, with jitter
 * @param retryMax          longest wait between attempts
 * @param maxAuthRejections refusals of our credentials in a row (401/407 again, 403) before giving up (failed_auth)
 */
public record UplinkConfig(int startsPerSecond, Duration retryBase, Duration retryMax, int maxAuthRejections) {

    public static final int MAX_STARTS_PER_SECOND = 10_000;
    public static final int MAX_AUTH_REJECTIONS = 100;

    public UplinkConfig {
        Checks.requireBetween(startsPerSecond, 1, MAX_STARTS_PER_SECOND, "uplink.starts-per-second");
        Checks.requirePositive(retryBase, "uplink.retry-base");
        Objects.requireNonNull(retryMax, "uplink.retry-max");
        if (retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("uplink.retry-max must not be shorter than uplink.retry-base");
        }
        Checks.requireBetween(maxAuthRejections, 1, MAX_AUTH_REJECTIONS, "uplink.max-auth-rejections");
    }
}
