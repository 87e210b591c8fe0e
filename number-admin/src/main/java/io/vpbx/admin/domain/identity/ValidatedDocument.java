package io.vpbx.admin.domain.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A document that passed {@link DocumentValidator}: its type, its number in normalised form, and
 * the date it expires on, or {@code null} when the holder gave none and the type needs none.
 * {@link #toString()} masks the number, so the record is safe to log.
 */
public record ValidatedDocument(DocumentType type, String number, LocalDate expiresOn) {

    public ValidatedDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
    }

    @Override
    public String toString() {
        return "ValidatedDocument[type=" + type.jurisdiction() + "/" + type.code() + ", number="
                + Masking.lastFour(number) + ", expiresOn=" + expiresOn + "]";
    }
}
