package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireName;
import java.time.Instant;

/**
 * A number's responsible holder: one end user or one M2M device. PENDING until the registry request is
 * confirmed; the number is blocked if that has not happened by {@code deadlineAt}.
 */
public record Binding(String e164, String accountId, HolderType holderType, String holderId, Billing billing,
                      String documentFingerprint, String registryRequestId, Status status, Instant deadlineAt, Instant boundAt,
                      Instant confirmedAt) {

    public enum HolderType implements WireName {
        END_USER,
        M2M_DEVICE
    }

    public enum Billing implements WireName {
        POSTPAID,
        PREPAID
    }

    public enum Status implements WireName {
        PENDING,
        CONFIRMED,
        REJECTED
    }

    public Binding withStatus(Status newStatus, Instant confirmed) {
        return new Binding(e164, accountId, holderType, holderId, billing, documentFingerprint, registryRequestId, newStatus,
                deadlineAt, boundAt, confirmed);
    }
}
