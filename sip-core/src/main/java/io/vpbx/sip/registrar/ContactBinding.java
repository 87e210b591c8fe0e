package io.vpbx.sip.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One binding of an address-of-record to a contact (RFC 3261 section 10.3), with the Call-ID and CSeq
 * of the REGISTER that last wrote it.
 */
public record ContactBinding(String uri, String callId, long cseq, Instant expiresAt, double q,
                             String instance, String received) {

    public ContactBinding {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Seconds left, rounded up, for the {@code expires} parameter of the Contact in a 200 OK. */
    public long expiresInSeconds(Instant now) {
        long millis = Math.max(0, Duration.between(now, expiresAt).toMillis());
        return (millis + 999) / 1000;
    }

    /** The binding a contact of a REGISTER refers to: the same instance when given, else the same URI. */
    boolean matches(ContactRequest contact) {
        if (contact.instance() != null && contact.instance().equals(instance)) {
            return true;
        }
        return uri.equals(contact.uri());
    }
}
