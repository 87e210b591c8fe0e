package io.vpbx.admin.domain.contact;

import java.time.Instant;

/**
 * One request to change a holder's contact phone, from start to its final status. The codes exist only
 * as hashes here ({@code oldCodeHash} is null when the holder had no phone to send one to);
 * {@code operatorVerifiedBy} names the operator who vouched for the holder instead of the old phone.
 * {@code toString} leaves the hashes and salt out, so that a log line cannot help anyone guess a code.
 */
public record ContactPhoneChange(String id, ContactHolderKind holderKind, String holderId, String accountId,
                                 String oldPhone, String newPhone, String oldCodeHash, String newCodeHash, String salt,
                                 int attemptsLeft, Instant expiresAt, ContactChangeStatus status, String operatorVerifiedBy,
                                 Instant createdAt, Instant completedAt, boolean flagged, String flagReason) {

    public boolean operatorVerified() {
        return operatorVerifiedBy != null;
    }

    /** Codes are accepted strictly before {@code expiresAt}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public ContactPhoneChange withStatus(ContactChangeStatus next) {
        return new ContactPhoneChange(id, holderKind, holderId, accountId, oldPhone, newPhone, oldCodeHash, newCodeHash, salt,
                attemptsLeft, expiresAt, next, operatorVerifiedBy, createdAt, completedAt, flagged, flagReason);
    }

    /** One wrong try spent; the last one locks the change. */
    public ContactPhoneChange withWrongAttempt() {
        int left = Math.max(0, attemptsLeft - 1);
        return new ContactPhoneChange(id, holderKind, holderId, accountId, oldPhone, newPhone, oldCodeHash, newCodeHash, salt,
                left, expiresAt, left == 0 ? ContactChangeStatus.LOCKED : status, operatorVerifiedBy, createdAt, completedAt,
                flagged, flagReason);
    }

    public ContactPhoneChange withOperatorVerification(String operatorActor) {
        return new ContactPhoneChange(id, holderKind, holderId, accountId, oldPhone, newPhone, oldCodeHash, newCodeHash, salt,
                attemptsLeft, expiresAt, status, operatorActor, createdAt, completedAt, flagged, flagReason);
    }

    public ContactPhoneChange completed(Instant at) {
        return new ContactPhoneChange(id, holderKind, holderId, accountId, oldPhone, newPhone, oldCodeHash, newCodeHash, salt,
                attemptsLeft, expiresAt, ContactChangeStatus.COMPLETED, operatorVerifiedBy, createdAt, at, flagged, flagReason);
    }

    /** A phone as notices and the history show it: only the last four digits ({@code ***4567}). */
    public static String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        return "***" + e164.substring(Math.max(0, e164.length() - 4));
    }

    @Override
    public String toString() {
        return "ContactPhoneChange[id=" + id + ", holder=" + holderKind.wireName() + "/" + holderId + ", account=" + accountId
                + ", oldPhone=" + mask(oldPhone) + ", newPhone=" + mask(newPhone) + ", attemptsLeft=" + attemptsLeft
                + ", expiresAt=" + expiresAt + ", status=" + status.wireName() + ", operatorVerifiedBy=" + operatorVerifiedBy
                + ", createdAt=" + createdAt + ", completedAt=" + completedAt + ", flagged=" + flagged + "]";
    }
}
