package io.vpbx.telephony.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A voicemail the SIP side took, handed to storage and delivery.
 *
 * @param accountId    the account that owns the called number
 * @param calledNumber the number called, E.164
 * @param caller       who called: the From user part or the asserted identity, as received
 * @param callId       the SIP Call-ID of the call, to find its call record
 * @param startedAt    when recording began
 * @param length       the recording's length
 * @param wav          the recording as a WAV file (8 kHz mono 16-bit PCM)
 * @param recipients   where to deliver it: e-mail addresses, or {@code employee:<id>} for an employee's e-mail
 */
public record NewVoicemail(String accountId, String calledNumber, String caller, String callId, Instant startedAt,
                           Duration length, byte[] wav, List<String> recipients) {

    public NewVoicemail {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(calledNumber, "calledNumber");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(wav, "wav");
        recipients = List.copyOf(recipients);
    }
}
