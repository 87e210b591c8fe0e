package io.vpbx.telephony.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * An account's IVR call flow, one version of it: a graph of named steps entered at {@code start}. Versions are
 * immutable: a change makes a new version and calls in progress keep the version they started with.
 *
 * @param id        the scenario's id (stable across versions)
 * @param accountId the owning account
 * @param version   1, 2, ... one per saved change
 * @param name      for people
 * @param start     the name of the first step
 * @param steps     the steps by name
 * @param serviceCode what an employee of the account dials to run it ({@code *12}); null: none
 */
public record Scenario(String id, String accountId, int version, String name, String start, Map<String, Step> steps,
                       ServiceCode serviceCode) {

    /** A scenario reached only by forwarding, with no service code. */
    public Scenario(String id, String accountId, int version, String name, String start, Map<String, Step> steps) {
        this(id, accountId, version, name, start, steps, null);
    }

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        steps = Map.copyOf(steps);
        if (!steps.containsKey(start)) {
            throw new IllegalArgumentException("start step '" + start + "' is not among the steps");
        }
    }
}
