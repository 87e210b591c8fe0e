package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireName;
import java.time.Instant;

/**
 * What vpbx filed with the state registry for one binding, and how it went. Persons confirm with a
 * one-time code sent to their contact phone (kept here only hashed); M2M bindings are verified by the operator.
 */
public record RegistryRequest(String id, String accountId, String e164, Binding.HolderType holderType, String holderId,
                              Status status, String reason, String codeHash, int codeAttemptsLeft, Instant submittedAt,
                              Instant decidedAt) {

    public enum Status implements WireName {
        SUBMITTED,
        AWAITING_CONFIRMATION,
        AWAITING_VERIFICATION,
        CONFIRMED,
        REJECTED;

        public boolean open() {
            return this == SUBMITTED || this == AWAITING_CONFIRMATION || this == AWAITING_VERIFICATION;
        }
    }

    public RegistryRequest decided(Status newStatus, String newReason, Instant at) {
        return new RegistryRequest(id, accountId, e164, holderType, holderId, newStatus, newReason, codeHash, codeAttemptsLeft,
                submittedAt, at);
    }

    public RegistryRequest withAttemptsLeft(int left) {
        return new RegistryRequest(id, accountId, e164, holderType, holderId, status, reason, codeHash, left, submittedAt,
                decidedAt);
    }
}
