package io.vpbx.telephony.voicemail;

/**
 * Takes voicemails from the call side: stores each and queues its delivery, off the event loop (the call path
 * never waits for the database). Must not throw; a sink that cannot store logs and counts the loss.
 */
public interface VoicemailSink {

    void accept(NewVoicemail voicemail);
}
