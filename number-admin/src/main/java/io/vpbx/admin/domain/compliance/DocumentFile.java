package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * A document kept as a file for an end user: an agent's authorization letter or a scan of an identity document. The
 * bytes are held only sealed ({@code sealed} under {@code keyId}); {@link #toString()} never shows them.
 */
public record DocumentFile(String id, String accountId, String endUserId, Purpose purpose, FileType type, int sizeBytes,
                           String keyId, byte[] sealed, LocalDate expiresOn, Instant createdAt) {

    /** What the file proves. */
    public enum Purpose implements WireName {
        /** The letter that authorizes the agent to act for the holder; it has an expiry. */
        AUTHORIZATION_LETTER,
        /** A scan of the holder's identity document (or organization certificate). */
        DOCUMENT_SCAN,
        /** A scan of the agent's identity document. */
        AGENT_DOCUMENT_SCAN;

        public static Optional<Purpose> of(String value) {
            return WireName.exact(Purpose.class, value);
        }

        public static String allowed() {
            return Arrays.stream(values()).map(Purpose::wireName).toList().toString();
        }
    }

    public DocumentFile {
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    /** The same file sealed anew (key rotation). */
    public DocumentFile withSealed(String newKeyId, byte[] newSealed) {
        return new DocumentFile(id, accountId, endUserId, purpose, type, sizeBytes, newKeyId, newSealed, expiresOn, createdAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentFile that && id.equals(that.id) && keyId.equals(that.keyId)
                && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentFile[id=" + id + ", endUserId=" + endUserId + ", purpose=" + purpose.wireName() + ", type="
                + type.mediaType() + ", sizeBytes=" + sizeBytes + ", expiresOn=" + expiresOn + "]";
    }
}
