package io.vpbx.config;

import java.time.Duration;

/**
 * Delivering events to accounts' webhooks.
 *
 * @param timeout        connect-and-answer timeout of one delivery
 * @param concurrency    deliveries in flight to one subscription at a time, per node: a slow receiver holds up its own
 * @param maxInFlight    deliveries in flight on one node in all
 * @param retryBase      first delay after a failed attempt; doubled (with jitter) up to {@code retryMax}
 * @param retryMax       longest delay between attempts
 * @param giveUpAfter    a delivery still failing this long after it was queued is marked failed
 * @param retention      how long events (and their delivery log) are kept once nothing is queued for them
 * @param maxSubscriptions subscriptions one account may have
 */
public record WebhooksConfig(Duration timeout, int concurrency, int maxInFlight, Duration retryBase, Duration retryMax,
                             Duration giveUpAfter, Duration retention, int maxSubscriptions) {
    public WebhooksConfig {
        Checks.requirePositive(timeout, "webhooks.timeout");
        Checks.requirePositive(retryBase, "webhooks.retry-base");
        Checks.requirePositive(retryMax, "webhooks.retry-max");
        Checks.requirePositive(giveUpAfter, "webhooks.give-up-after");
        Checks.requirePositive(retention, "webhooks.retention");
        if (concurrency < 1 || maxInFlight < concurrency) {
            throw new IllegalArgumentException("webhooks.concurrency must be at least 1 and at most webhooks.max-in-flight");
        }
        if (retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("webhooks.retry-max must not be below webhooks.retry-base");
        }
    }
}
