package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.identity.DocumentCatalogue;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.DocumentFingerprint;
import io.vpbx.admin.domain.identity.DocumentType;
import io.vpbx.admin.domain.identity.DocumentValidator;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.domain.identity.Masking;
import io.vpbx.admin.domain.identity.ValidatedDocument;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Turns a typed identity document into what is kept of it: the type, the number sealed, its keyed
 * fingerprint and its last four characters. The plain number lives only for the length of {@link #protect}.
 * Keys are asked for on first use, so building the object graph touches no key files.
 */
public final class IdentityDocuments {
    /** How a kept document number is shown: never more than its last four characters. */
    public static final String MASK = "******";

    /** What is stored of one document. {@code last4} is what {@link Masking#lastFour} leaves visible, at most four. */
    public record SealedDocument(String type, String sealed, String fingerprint, String last4, LocalDate expiresOn) {
    }

    private final DocumentCatalogue catalogue;
    private final DocumentValidator validator;
    private final Supplier<KeyRing> keyRing;
    private final Supplier<byte[]> fingerprintKey;
    private final SecureRandom random;

    public IdentityDocuments(DocumentCatalogue catalogue, Supplier<KeyRing> keyRing, Supplier<byte[]> fingerprintKey,
                             SecureRandom random) {
        this.catalogue = catalogue;
        this.validator = new DocumentValidator(catalogue);
        this.keyRing = keyRing;
        this.fingerprintKey = fingerprintKey;
        this.random = random;
    }

    /**
     * Checks the document under {@code field} ({@code field.type}, {@code field.number}, {@code field.expires_on}),
     * including that its type identifies a {@code holder}, and seals it.
     */
    public SealedDocument protect(String field, Jurisdiction jurisdiction, HolderKind holder, String type, String number,
                                  LocalDate expiresOn, LocalDate today) {
        DocumentType known = type == null ? null : catalogue.find(jurisdiction, type).orElse(null);
        if (known != null && known.holderKind() != holder) {
            throw new InvalidFieldException(field + ".type", "identifies " + article(known.holderKind()) + "; "
                    + article(holder) + " needs one of " + catalogue.types(jurisdiction).stream()
                    .filter(t -> t.holderKind() == holder).map(DocumentType::code).toList());
        }
        ValidatedDocument document = validator.validate(field, jurisdiction, type, number, expiresOn, today);
        String masked = Masking.lastFour(document.number());
        return new SealedDocument(document.type().code(), new DocumentCipher(keyRing.get(), random).seal(document.number()),
                new DocumentFingerprint(fingerprintKey.get()).of(document), masked.substring(Math.max(0, masked.length() - 4)),
                document.expiresOn());
    }

    /** The fingerprint of a sealed document, to tell whether a re-sent document is the one already kept. */
    public String fingerprintOf(Jurisdiction jurisdiction, String type, String sealed) {
        return new DocumentFingerprint(fingerprintKey.get()).of(jurisdiction, type, new DocumentCipher(keyRing.get(), random).open(sealed));
    }

    /** The masked form of a kept number, e.g. "******3456"; null when there is none. */
    public static String masked(String last4) {
        return last4 == null ? null : MASK + last4;
    }

    private static String article(HolderKind kind) {
        return kind == HolderKind.PERSON ? "a person" : "an organization";
    }
}
