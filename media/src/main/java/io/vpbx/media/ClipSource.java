package io.vpbx.media;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Finds an account's media by id for a call. Implementations keep clips in memory and load a missing one off the
 * event loop (the media library is in the database, shared by every node); the stage completes on any thread.
 */
public interface ClipSource {

    /** The clip, or empty when the account has no media with that id (deleted since the fallback was set). */
    CompletionStage<Optional<AudioClip>> clip(String accountId, String mediaId);
}
