package io.vpbx.sip.uas;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scenario's steps take from the rest of vpbx beyond media: schedules for {@code time_condition}, extensions
 * for {@code collect}, and the bridge for {@code forward}. Built in the composition root.
 *
 * @param schedules  open or closed at an instant
 * @param extensions an account's employees by extension
 * @param forwarding calls a target and bridges it to the answered caller
 */
public record ScenarioServices(ScheduleLookup schedules, ExtensionDirectory extensions, ScenarioForwarding forwarding) {

    public ScenarioServices {
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(forwarding, "forwarding");
    }

    /**
     * Until the schedules, the extension directory and the bridge are wired in: every schedule is closed (a
     * time condition takes its {@code closed} branch, as for a schedule that is unknown), no extension exists, and
     * no forward is answered.
     */
    public static ScenarioServices unwired() {
        return new ScenarioServices(ScenarioServices::neverOpen, (account, extension) -> Optional.empty(),
                ScenarioForwarding.unavailable());
    }

    private static boolean neverOpen(String scheduleId, Instant at) {
        return false;
    }
}
