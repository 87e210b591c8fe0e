package io.vpbx.sip.uas;

import io.vpbx.media.MediaSession;
import java.util.concurrent.CompletionStage;

/**
 * What an answering leg does with the call's media once the call is answered (or, with early media, once 183 is
 * sent): play a voice message, take a voicemail. Every method runs on the SIP event loop, and so do the
 * continuations the script chains on the session's completions.
 */
interface AnswerScript {

    /** Loads what the script plays, off the event loop; completes false when a clip it must have is gone. */
    CompletionStage<Boolean> load();

    /** Played in 183 Session Progress and ended with {@link #rejectCode()} instead of answered; only voice messages. */
    default boolean earlyMedia() {
        return false;
    }

    /** The final response after early media. */
    default int rejectCode() {
        return 0;
    }

    /**
     * Once loaded: a final status (4xx-6xx) to send instead of answering (a scenario whose first steps hang up), or
     * 0 to answer.
     */
    default int refusal() {
        return 0;
    }

    /** Starts on the session; calls {@code over} once, on the event loop, when it has finished or was stopped. */
    void run(MediaSession session, Runnable over);

    /** A digit the caller sent in a SIP INFO within the dialog (RFC 4733 digits come through the session). */
    default void digit(char digit) {
    }

    /** The caller left (BYE, CANCEL) or the leg ends: stop what plays or records; {@code over} still follows. */
    void stop(MediaSession session);
}
