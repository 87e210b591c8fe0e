package io.vpbx.admin.domain.forwarding;

import java.util.List;

/** What happens when forwarding fails: no answer within the ring time, busy, unreachable. */
public sealed interface Fallback {

    String kind();

    /** Reject the call with this SIP final response code (4xx, 5xx or 6xx). */
    record HangUp(int sipCode) implements Fallback {
        public String kind() { return "hang_up"; }
    }

    /** Answer and play a recorded message (the media issue plays it). */
    record VoiceMessage(String mediaId) implements Fallback {
        public String kind() { return "voice_message"; }
    }

    /** Record a voicemail and deliver it to the recipients (e-mail addresses). */
    record Voicemail(List<String> recipients, String greetingMediaId) implements Fallback {
        public Voicemail {
            recipients = List.copyOf(recipients);
        }
        public String kind() { return "voicemail"; }
    }
}
