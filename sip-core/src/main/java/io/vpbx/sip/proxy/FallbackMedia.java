package io.vpbx.sip.proxy;

import io.vpbx.telephony.forwarding.Fallback;

/**
 * The extension point the media side fills: playing a voice message or taking voicemail when forwarding
 * failed. Until a media server is attached, {@link #unavailable()} answers the caller with 480 and says why.
 */
public interface FallbackMedia {

    /** The final status to answer with when media cannot be played; media implementations answer the call. */
    Answer handle(Fallback fallback, String callId);

    record Answer(int status, String reason) {
    }

    static FallbackMedia unavailable() {
        return (fallback, callId) -> new Answer(480, fallback instanceof Fallback.Voicemail
                ? "Temporarily Unavailable (voicemail not available)"
                : "Temporarily Unavailable (voice message not available)");
    }
}
