package io.vpbx.admin.domain.voicemail;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.contact.EmailAddress;

/**
 * Who a voicemail goes to: an e-mail address, or an account's employee at the e-mail address on their record (read
 * when the mail is sent). Inside a voicemail fallback's recipient list an employee is kept as {@code employee:<id>};
 * the API shows it as {@code {"employee_id": "<id>"}}.
 */
public sealed interface Recipient {
    String EMPLOYEE_PREFIX = "employee:";

    /** The string kept in the fallback and in the mail queue. */
    String stored();

    record Address(String email) implements Recipient {
        public String stored() {
            return email;
        }
    }

    record Employee(String employeeId) implements Recipient {
        public String stored() {
            return EMPLOYEE_PREFIX + employeeId;
        }
    }

    /** Reads a stored recipient (what {@link #stored} wrote). */
    static Recipient parse(String stored) {
        return stored.startsWith(EMPLOYEE_PREFIX) ? new Employee(stored.substring(EMPLOYEE_PREFIX.length()))
                : new Address(stored);
    }

    /** An address as a request gives it, checked, or 422 naming {@code field}. */
    static Address address(String field, String text) {
        return new Address(EmailAddress.of(field, text).value());
    }

    /** An employee id as a request gives it: 1..80 characters, or 422 naming {@code field}. */
    static Employee employee(String field, String id) {
        String trimmed = id == null ? "" : id.trim();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidFieldException(field, "must be an employee id of 1..80 characters");
        }
        return new Employee(trimmed);
    }
}
