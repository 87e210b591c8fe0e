package io.vpbx.admin.domain.people;

import io.vpbx.admin.domain.InvalidFieldException;
import java.time.Instant;

/**
 * A person who signs in: of one account, or with {@code accountId} null one of the operator's staff. The password
 * hash is not part of it: only sign-in reads it.
 */
public record AccountUser(String id, String accountId, String email, String name, UserRole role, String contactPhone,
                          UserState state, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    /** A name as given, stripped: 1..200 characters without control characters, else 422 naming {@code name}. */
    public static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldException("name", "must be 1.." + MAX_NAME_LENGTH + " characters without control characters");
        }
        return trimmed;
    }

    public boolean isOperatorStaff() {
        return accountId == null;
    }

    public AccountUser with(String newName, UserRole newRole, String newPhone, UserState newState, Instant at) {
        return new AccountUser(id, accountId, email, newName, newRole, newPhone, newState, createdAt, at);
    }
}
