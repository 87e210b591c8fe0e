package io.vpbx.sip.routing;

import java.util.List;

/** What the call gets when forwarding fails. Voice message and voicemail are the media issue's extension point. */
public sealed interface Fallback {

    record HangUp(int sipCode, String reason) implements Fallback {
    }

    record VoiceMessage(String mediaId) implements Fallback {
    }

    record Voicemail(List<String> recipients, String greetingMediaId) implements Fallback {
        public Voicemail {
            recipients = List.copyOf(recipients);
        }
    }

    /** The caller gets the best final response the targets gave: calls out to external numbers. */
    record PassBack() implements Fallback {
    }

    /** When a number has no fallback configured: 480 Temporarily Unavailable. */
    static Fallback standard() {
        return new HangUp(480, "Temporarily Unavailable");
    }
}
