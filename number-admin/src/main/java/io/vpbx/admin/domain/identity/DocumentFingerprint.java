package io.vpbx.admin.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed, one-way stand-in for a document number: hex HMAC-SHA256 over
 * {@code jurisdiction|typeCode|normalisedNumber}. Equal documents get equal fingerprints, so the
 * numbers bound to one document can be counted across all accounts without storing or searching
 * the plain number; without the key, fingerprints cannot be tested against guessed numbers.
 *
 * <p>The same number under two types (a resident ID card and a household register carry the
 * same identity number) fingerprints differently on purpose: the type is part of the input.
 */
public final class DocumentFingerprint {

    /** At least as long as the HMAC-SHA256 output. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    public DocumentFingerprint(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("fingerprint key must be at least " + MIN_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        this.key = key.clone();
    }

    /** 64 lower-case hex digits. */
    public String of(Jurisdiction jurisdiction, String typeCode, String normalisedNumber) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(normalisedNumber, "normalisedNumber");
        String input = jurisdiction.name() + "|" + typeCode + "|" + normalisedNumber;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + ALGORITHM + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** A convenience for validated documents. */
    public String of(ValidatedDocument document) {
        return of(document.type().jurisdiction(), document.type().code(), document.number());
    }

    @Override
    public String toString() {
        return "DocumentFingerprint[" + ALGORITHM + "]";
    }
}
