package io.vpbx.telephony.forwarding;

import java.util.List;

/**
 * What a call gets when forwarding fails: no answer within the ring time, busy, unreachable. The admin API stores
 * one per number; the routing table carries it to the proxy as it is. Voice message and voicemail are the media
 * issue's extension point.
 */
public sealed interface Fallback {

    /** The name the admin API and the call records use ("hang_up", "voice_message", ...). */
    String kind();

    /** Reject the call with this SIP final response code (4xx, 5xx or 6xx). */
    record HangUp(int sipCode) implements Fallback {
        public String kind() { return "hang_up"; }

        /** The RFC 3261 reason phrase sent with {@link #sipCode}. */
        public String reason() {
            return ReasonPhrases.of(sipCode);
        }
    }

    /**
     * Play a recorded message {@code times} times. Answered (200, then BYE when played), or with
     * {@code earlyMedia} played in 183 Session Progress and the call then rejected with {@code rejectCode}, so the
     * caller is not charged.
     */
    record VoiceMessage(String mediaId, int times, boolean earlyMedia, int rejectCode) implements Fallback {
        public static final int MAX_TIMES = 10;

        public VoiceMessage {
            if (times < 1 || times > MAX_TIMES) {
                throw new IllegalArgumentException("times must be 1.." + MAX_TIMES);
            }
            if (earlyMedia && (rejectCode < 400 || rejectCode > 699)) {
                throw new IllegalArgumentException("rejectCode must be a final 4xx-6xx code after early media");
            }
        }

        /** Played once after answering. */
        public VoiceMessage(String mediaId) {
            this(mediaId, 1, false, 480);
        }

        public String kind() { return "voice_message"; }
    }

    /** Record a voicemail and deliver it to the recipients (e-mail addresses). */
    record Voicemail(List<String> recipients, String greetingMediaId) implements Fallback {
        public Voicemail {
            recipients = List.copyOf(recipients);
        }
        public String kind() { return "voicemail"; }
    }

    /**
     * The caller gets the best final response the targets gave: what the proxy uses for calls out to external
     * numbers. Not offered by the admin API.
     */
    record PassBack() implements Fallback {
        public String kind() { return "pass_back"; }
    }

    /** When a number has no fallback configured: 480 Temporarily Unavailable. */
    static Fallback standard() {
        return new HangUp(480);
    }
}
