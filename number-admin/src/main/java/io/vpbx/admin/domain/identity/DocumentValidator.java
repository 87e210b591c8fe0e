package io.vpbx.admin.domain.identity;

import io.vpbx.admin.domain.InvalidFieldException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an identity document against its type in the {@link DocumentCatalogue}: the type exists
 * in the jurisdiction, the normalised number has the type's format and check character, and the
 * expiry date is given where the type needs one, is not past and not further ahead than the type
 * allows. The day of the check is an argument, so the rules are tested without a clock.
 *
 * <p>Failures are {@link InvalidFieldException}s under the caller's field: {@code <field>.type},
 * {@code <field>.number}, {@code <field>.expires_on}. They never quote the number.
 */
public final class DocumentValidator {

    /** Longest number accepted as typed, before normalisation; no type's format comes near it. */
    static final int MAX_TYPED_LENGTH = 64;

    private final DocumentCatalogue catalogue;

    public DocumentValidator(DocumentCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public ValidatedDocument validate(String field, Jurisdiction jurisdiction, String typeCode, String number,
            LocalDate expiresOn, LocalDate today) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(today, "today");
        DocumentType type = type(field + ".type", jurisdiction, typeCode);
        String normalised = number(field + ".number", type, number, today);
        checkExpiry(field + ".expires_on", type, expiresOn, today);
        return new ValidatedDocument(type, normalised, expiresOn);
    }

    /** True from the day after the expiry date on; a document without one never expires. */
    public boolean expired(ValidatedDocument document, LocalDate today) {
        return document.expiresOn() != null && today.isAfter(document.expiresOn());
    }

    private DocumentType type(String field, Jurisdiction jurisdiction, String typeCode) {
        if (typeCode == null || typeCode.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return catalogue.find(jurisdiction, typeCode).orElseThrow(() -> new InvalidFieldException(field,
                "is not a document type accepted in " + jurisdiction + ", expected one of "
                        + catalogue.types(jurisdiction).stream().map(DocumentType::code).toList()));
    }

    private static String number(String field, DocumentType type, String typed, LocalDate today) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (typed.length() > MAX_TYPED_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_TYPED_LENGTH + " characters");
        }
        String normalised = type.normalisation().apply(typed);
        if (!type.hasFormat(normalised)) {
            throw new InvalidFieldException(field, "must be " + type.formatText());
        }
        Optional<String> problem = type.check().problem(normalised, today);
        if (problem.isPresent()) {
            throw new InvalidFieldException(field, problem.get());
        }
        return normalised;
    }

    private static void checkExpiry(String field, DocumentType type, LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            if (type.expiryRequired()) {
                throw new InvalidFieldException(field, "is required for " + type.code());
            }
            return;
        }
        if (expiresOn.isBefore(today)) {
            throw new InvalidFieldException(field, "document expired on " + expiresOn);
        }
        if (type.maxValidityYears().isPresent()) {
            int years = type.maxValidityYears().getAsInt();
            if (expiresOn.isAfter(today.plusYears(years))) {
                throw new InvalidFieldException(field, "must be at most " + years + (years == 1 ? " year" : " years") + " ahead, the longest a "
                        + type.code() + " is valid");
            }
        }
    }
}
