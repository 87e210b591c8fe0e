package io.vpbx.sip.overload;

import java.time.Duration;
import java.util.Objects;

/**
 * What the proxy needs to shed new calls: the governor deciding, its meters, and the Retry-After of its 503s.
 */
public record OverloadControl(OverloadGovernor governor, OverloadMetrics metrics, Duration retryAfter) {
    public OverloadControl {
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
