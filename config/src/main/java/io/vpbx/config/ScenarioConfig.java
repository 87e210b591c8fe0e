package io.vpbx.config;

/**
 * IVR scenarios.
 *
 * @param maxSteps most steps one scenario may have (scenario.max-steps)
 */
public record ScenarioConfig(int maxSteps) {

    public ScenarioConfig {
        Checks.requireAtLeast(maxSteps, 1, "scenario.max-steps");
    }
}
