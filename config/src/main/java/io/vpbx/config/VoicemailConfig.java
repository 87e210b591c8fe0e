package io.vpbx.config;

import java.time.Duration;

/**
 * Taking voicemail.
 *
 * @param maxLength  longest recording; the call is ended when it is reached
 * @param silence    this long without a voice ends the recording
 * @param minLength  shorter recordings are discarded (a caller who hung up at the beep)
 * @param retention  how long a message is kept before it is deleted
 */
public record VoicemailConfig(Duration maxLength, Duration silence, Duration minLength, Duration retention) {

    public VoicemailConfig {
        Checks.requirePositive(maxLength, "voicemail.max-length");
        Checks.requirePositive(silence, "voicemail.silence");
        Checks.requirePositive(minLength, "voicemail.min-length");
        Checks.requirePositive(retention, "voicemail.retention");
    }
}
