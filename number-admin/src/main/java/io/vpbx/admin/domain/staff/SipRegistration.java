package io.vpbx.admin.domain.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored binding of an employee's phone (RFC 3261 section 10.3), as the node that took the REGISTER
 * wrote it. A row with {@code expiresAt} not after {@code updatedAt} records a removal, so that other
 * nodes reading changes learn of it.
 *
 * @param received the source address the REGISTER came from, or null
 * @param instance the {@code +sip.instance} (RFC 5626), or null
 * @param nodeId   the node that wrote the row
 */
public record SipRegistration(String employeeId, String contactUri, String received, String instance, double q,
                              String callId, long cseq, Instant expiresAt, String nodeId, Instant updatedAt) {
    public SipRegistration {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A row written for a removed binding: it expired no later than it was written. */
    public boolean isRemoval() {
        return !expiresAt.isAfter(updatedAt);
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
