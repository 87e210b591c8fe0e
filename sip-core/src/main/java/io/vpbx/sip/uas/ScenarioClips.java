package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.ClipSource;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The clips a scenario's steps play (play, the menu's three prompts, collect's prompt), loaded from the account's
 * media library before the call is answered, so that no step waits for storage. The voicemail step's greeting is
 * loaded by {@link VoicemailScript} itself, which falls back to the built-in one.
 */
final class ScenarioClips {

    private ScenarioClips() {
    }

    /** Completes with every clip by media id, or empty when one of them is gone. */
    static CompletableFuture<Optional<Map<String, AudioClip>>> load(Scenario scenario, ClipSource source, String accountId) {
        List<String> ids = new ArrayList<>(mediaIds(scenario));
        List<CompletableFuture<Optional<AudioClip>>> loads = new ArrayList<>(ids.size());
        for (String id : ids) {
            loads.add(source.clip(accountId, id).toCompletableFuture());
        }
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).thenApply(all -> {
            Map<String, AudioClip> clips = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                Optional<AudioClip> clip = loads.get(i).join();
                if (clip.isEmpty()) {
                    return Optional.empty();
                }
                clips.put(ids.get(i), clip.get());
            }
            return Optional.of(Map.copyOf(clips));
        });
    }

    static Set<String> mediaIds(Scenario scenario) {
        Set<String> ids = new LinkedHashSet<>();
        for (Step step : scenario.steps().values()) {
            switch (step) {
                case Step.Play play -> ids.add(play.media());
                case Step.Menu menu -> {
                    ids.add(menu.prompt());
                    addIfSet(ids, menu.invalidPrompt());
                    addIfSet(ids, menu.noInputPrompt());
                }
                case Step.Collect collect -> addIfSet(ids, collect.prompt());
                default -> { }
            }
        }
        return ids;
    }

    private static void addIfSet(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
