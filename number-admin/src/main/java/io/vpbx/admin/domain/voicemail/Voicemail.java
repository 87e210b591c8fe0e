package io.vpbx.admin.domain.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored voicemail as the API shows it; the recording itself is read on its own ({@code GET .../audio}).
 *
 * @param number  the account's number that was called, E.164
 * @param caller  who called, as the SIP side received it
 * @param callId  the SIP Call-ID, to find the call record; may be null
 * @param heard   whether someone marked it heard
 */
public record Voicemail(String id, String accountId, String number, String caller, String callId, Instant startedAt,
                        Duration length, boolean heard, Instant createdAt) {
    public Voicemail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Voicemail withHeard(boolean now) {
        return new Voicemail(id, accountId, number, caller, callId, startedAt, length, now, createdAt);
    }
}
