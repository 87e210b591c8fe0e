package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.contact.EmailAddress;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * The rules for an end user's fields as they arrive in a request, each naming the field when broken.
 * Identity documents are checked by {@link io.vpbx.admin.domain.identity.DocumentValidator}.
 */
public final class EndUserFields {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ADDRESS_LENGTH = 500;
    public static final int MAX_LETTER_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 500;
    /** The youngest a person may be to answer for a number: the age a Russian citizen gets a passport. */
    public static final int MIN_AGE_YEARS = 14;

    private EndUserFields() {
    }

    /** "person" or "organization". */
    public static HolderKind kind(String field, String value) {
        try {
            return HolderKind.fromWire(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be person or organization");
        }
    }

    /** "employee" or "contractor": the law treats both as the business's own users. */
    public static EndUser.Relation relation(String field, String value) {
        if (value != null) {
            for (EndUser.Relation relation : EndUser.Relation.values()) {
                if (wireName(relation).equals(value)) {
                    return relation;
                }
            }
        }
        throw new InvalidFieldException(field, "must be employee or contractor");
    }

    public static String wireName(EndUser.Relation relation) {
        return relation.name().toLowerCase(Locale.ROOT);
    }

    /** "RU" or "CN": the country whose law the holder's numbers fall under. */
    public static Jurisdiction jurisdiction(String field, String value) {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (jurisdiction.name().equals(value)) {
                return jurisdiction;
            }
        }
        throw new InvalidFieldException(field, "must be one of " + Arrays.toString(Jurisdiction.values()));
    }

    /** 1..200 characters after trimming: a person's full name or an organization's registered name. */
    public static String fullName(String field, String value) {
        return FreeText.present(field, value, MAX_NAME_LENGTH);
    }

    public static String address(String field, String value) {
        return FreeText.present(field, value, MAX_ADDRESS_LENGTH);
    }

    /** A reference to the letter that authorizes the agent to act for the organization. */
    public static String authorizationLetter(String field, String value) {
        return FreeText.present(field, value, MAX_LETTER_LENGTH);
    }

    /** In the past, and at least {@link #MIN_AGE_YEARS} years before {@code today}. */
    public static LocalDate birthDate(String field, LocalDate value, LocalDate today) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!value.isBefore(today)) {
            throw new InvalidFieldException(field, "must be in the past");
        }
        if (Period.between(value, today).getYears() < MIN_AGE_YEARS) {
            throw new InvalidFieldException(field, "the holder must be at least " + MIN_AGE_YEARS + " years old");
        }
        return value;
    }

    /** Absent (null) or an address as {@link EmailAddress} takes it. */
    public static String contactEmail(String field, String value) {
        return value == null ? null : EmailAddress.of(field, value).value();
    }

    /** Why the operator changed a document's status; required for anything but valid. */
    public static String statusReason(String field, String value, DocumentStatus status) {
        if (value == null || value.isBlank()) {
            if (status == DocumentStatus.VALID) {
                return null;
            }
            throw new InvalidFieldException(field, "is required when the status is " + status.wireName());
        }
        return FreeText.present(field, value, MAX_REASON_LENGTH);
    }

    public static DocumentStatus documentStatus(String field, String value) {
        for (DocumentStatus status : DocumentStatus.values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new InvalidFieldException(field, "must be one of valid, expired, forged, unverifiable");
    }

    /** A field that applies to one kind of holder only must be absent for the other. */
    public static void absent(String field, Object value, String rule) {
        if (value != null) {
            throw new InvalidFieldException(field, rule);
        }
    }
}
