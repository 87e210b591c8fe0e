package io.vpbx.sip.uas;

import io.vpbx.config.VoicemailConfig;
import io.vpbx.media.AudioClip;
import io.vpbx.media.ClipSource;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaServer;
import io.vpbx.media.MediaSession;
import io.vpbx.telephony.voicemail.VoicemailSink;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * What the answering legs take from the rest of vpbx.
 *
 * @param media      opens a call's RTP session
 * @param clips      an account's uploaded media, by id (voice messages, voicemail greetings)
 * @param voicemails takes the voicemails recorded; called on the SIP event loop, must not block
 * @param voicemail  recording limits
 * @param greeting   the built-in voicemail greeting, for an account that recorded none
 * @param beep       the tone before recording starts
 * @param scenarios  schedules, extensions and the bridge, for the steps of scenarios
 */
public record AnswerServices(MediaServer media, ClipSource clips, VoicemailSink voicemails, VoicemailConfig voicemail,
                             AudioClip greeting, AudioClip beep, ScenarioServices scenarios) {

    /** Without schedules, extensions or the bridge: see {@link ScenarioServices#unwired()}. */
    public AnswerServices(MediaServer media, ClipSource clips, VoicemailSink voicemails, VoicemailConfig voicemail,
                          AudioClip greeting, AudioClip beep) {
        this(media, clips, voicemails, voicemail, greeting, beep, ScenarioServices.unwired());
    }

    public AnswerServices {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(clips, "clips");
        Objects.requireNonNull(voicemails, "voicemails");
        Objects.requireNonNull(voicemail, "voicemail");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(beep, "beep");
        Objects.requireNonNull(scenarios, "scenarios");
    }

    /** The same, with these scenario services. */
    public AnswerServices withScenarios(ScenarioServices services) {
        return new AnswerServices(media, clips, voicemails, voicemail, greeting, beep, services);
    }

    /**
     * No media server: a call whose fallback would be answered here gets 503 (no RTP port free), as when the
     * range is exhausted. For SIP-only tests and tools.
     */
    public static AnswerServices withoutMedia() {
        AudioClip silence = new AudioClip("silence", new short[Codec.SAMPLES_PER_PACKET]);
        return new AnswerServices(new NoMediaServer(), (account, media) -> CompletableFuture.completedFuture(Optional.empty()),
                voicemail -> LoggerFactory.getLogger(AnswerServices.class).warn("voicemail of call {} dropped: no sink",
                        voicemail.callId()),
                new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
                silence, silence);
    }

    /** A media server with no ports. */
    private static final class NoMediaServer implements MediaServer {
        @Override
        public Optional<MediaSession> open(String callId) {
            return Optional.empty();
        }

        @Override
        public List<Codec> codecs() {
            return List.of(Codec.values());
        }

        @Override
        public int activeSessions() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
