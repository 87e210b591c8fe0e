package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.ClipSource;
import io.vpbx.media.MediaSession;
import io.vpbx.telephony.forwarding.Fallback;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** A voice message fallback: the account's clip, played {@code times} times in a row. */
final class VoiceMessageScript implements AnswerScript {
    private final Fallback.VoiceMessage message;
    private final ClipSource clips;
    private final String accountId;
    private final Executor loop;
    private AudioClip clip;

    VoiceMessageScript(Fallback.VoiceMessage message, ClipSource clips, String accountId, Executor loop) {
        this.message = message;
        this.clips = clips;
        this.accountId = accountId;
        this.loop = loop;
    }

    @Override
    public CompletionStage<Boolean> load() {
        return clips.clip(accountId, message.mediaId()).thenApplyAsync(found -> {
            clip = found.orElse(null);
            return clip != null;
        }, loop);
    }

    @Override
    public boolean earlyMedia() {
        return message.earlyMedia();
    }

    @Override
    public int rejectCode() {
        return message.rejectCode();
    }

    @Override
    public void run(MediaSession session, Runnable over) {
        session.play(clip, message.times()).whenCompleteAsync((played, error) -> over.run(), loop);
    }

    @Override
    public void stop(MediaSession session) {
        session.stopPlaying();
    }
}
