package io.vpbx.sip.uas;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scenario's steps take from the rest of vpbx beyond media: schedules for {@code time_condition} and extensions
 * for {@code collect}. Built in the composition root. A {@code forward} goes through the proxy's bridge, which the
 * proxy builds and hands to {@link LocalAnswering}; {@code forwarding} stands in for it where there is no proxy or
 * the bridge is not the point (tests, the route simulator's dry run).
 *
 * @param schedules  open or closed at an instant
 * @param extensions an account's employees by extension
 * @param forwarding calls a target and bridges it to the answered caller in place of the proxy's bridge; empty: the
 *                   bridge
 */
public record ScenarioServices(ScheduleLookup schedules, ExtensionDirectory extensions,
                               Optional<ScenarioForwarding> forwarding) {

    /** Forwards go through the proxy's bridge. */
    public ScenarioServices(ScheduleLookup schedules, ExtensionDirectory extensions) {
        this(schedules, extensions, Optional.empty());
    }

    /** Forwards go to {@code forwarding} instead of the proxy's bridge. */
    public ScenarioServices(ScheduleLookup schedules, ExtensionDirectory extensions, ScenarioForwarding forwarding) {
        this(schedules, extensions, Optional.of(forwarding));
    }

    public ScenarioServices {
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(forwarding, "forwarding");
    }

    /**
     * Until the schedules and the extension directory are wired in: every schedule is closed (a time condition takes
     * its {@code closed} branch, as for a schedule that is unknown) and no extension exists.
     */
    public static ScenarioServices unwired() {
        return new ScenarioServices(ScenarioServices::neverOpen, (account, extension) -> Optional.empty());
    }

    private static boolean neverOpen(String scheduleId, Instant at) {
        return false;
    }
}
