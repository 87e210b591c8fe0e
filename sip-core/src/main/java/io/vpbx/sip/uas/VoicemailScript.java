package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.media.MediaSession;
import io.vpbx.media.RecordLimits;
import io.vpbx.media.Recording;
import io.vpbx.telephony.audio.WavWriter;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voicemail, as a number's fallback or a scenario's {@code voicemail} step (one implementation for both): the
 * greeting (the account's, else the built-in one), a beep, then the caller is recorded until {@code #}, silence or
 * the longest length; a caller who hangs up while recorded leaves the message, one who hangs up before the beep
 * leaves none. A message shorter than {@code voicemail.min-length} is discarded; the rest
 * go to the sink as WAV.
 */
final class VoicemailScript implements AnswerScript {
    private static final Logger log = LoggerFactory.getLogger(VoicemailScript.class);

    private enum Phase { WAITING, GREETING, BEEP, RECORDING, OVER }

    private final List<String> recipients;
    /** The account's greeting, or null for the built-in one. */
    private final String greetingMediaId;
    private final AnswerServices services;
    private final AnsweredCall call;
    private final String callId;
    private final Clock clock;
    private final Executor loop;
    private final AnsweringMetrics metrics;
    private AudioClip greeting;
    private Phase phase = Phase.WAITING;
    private Instant startedAt;

    VoicemailScript(List<String> recipients, String greetingMediaId, AnswerServices services, AnsweredCall call,
                    String callId, Clock clock, Executor loop, AnsweringMetrics metrics) {
        this.recipients = recipients;
        this.greetingMediaId = greetingMediaId;
        this.services = services;
        this.call = call;
        this.callId = callId;
        this.clock = clock;
        this.loop = loop;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Boolean> load() {
        if (greetingMediaId == null) {
            greeting = services.greeting();
            return CompletableFuture.completedFuture(true);
        }
        // a greeting that is gone or cannot be loaded (database down) still lets the caller leave a message
        return services.clips().clip(call.accountId(), greetingMediaId).handleAsync((found, error) -> {
            if (error != null || found.isEmpty()) {
                log.warn("voicemail greeting {} of account {} is {}; call {} hears the built-in one",
                        greetingMediaId, call.accountId(), error != null ? "unreadable: " + error : "gone",
                        callId);
            }
            greeting = error == null ? found.orElse(services.greeting()) : services.greeting();
            return true;
        }, loop);
    }

    @Override
    public void run(MediaSession session, Runnable over) {
        phase = Phase.GREETING;
        session.play(greeting, 1).whenCompleteAsync((played, error) -> {
            if (phase != Phase.GREETING) {
                over.run();
                return;
            }
            phase = Phase.BEEP;
            session.play(services.beep(), 1).whenCompleteAsync((beeped, failed) -> record(session, over), loop);
        }, loop);
    }

    private void record(MediaSession session, Runnable over) {
        if (phase != Phase.BEEP) {
            over.run();
            return;
        }
        phase = Phase.RECORDING;
        startedAt = clock.instant();
        RecordLimits limits = new RecordLimits(services.voicemail().maxLength(), services.voicemail().silence(), true);
        session.record(limits).whenCompleteAsync((recording, error) -> {
            phase = Phase.OVER;
            if (error != null) {
                log.warn("recording the voicemail of call {} failed", callId, error);
            } else {
                keep(recording);
            }
            over.run();
        }, loop);
    }

    private void keep(Recording recording) {
        if (recording.length().compareTo(services.voicemail().minLength()) < 0) {
            log.debug("voicemail of call {} discarded: {} is shorter than voicemail.min-length", callId, recording.length());
            metrics.voicemailDiscarded();
            return;
        }
        services.voicemails().accept(new NewVoicemail(call.accountId(), call.number(), call.caller(), callId, startedAt,
                recording.length(), WavWriter.mono16(recording.samples(), Codec.CLOCK_RATE), recipients));
        metrics.voicemailKept(recording.ended());
    }

    @Override
    public void stop(MediaSession session) {
        switch (phase) {
            case RECORDING -> session.stopRecording();
            case GREETING, BEEP -> {
                phase = Phase.OVER;
                session.stopPlaying();
            }
            default -> phase = Phase.OVER;
        }
    }
}
