package io.vpbx.admin.domain.people;

import java.time.Instant;

/**
 * A person who signs in: of one account, or with {@code accountId} null one of the operator's staff. The password
 * hash is not part of it: only sign-in reads it.
 */
public record AccountUser(String id, String accountId, String email, String name, UserRole role, String contactPhone,
                          UserState state, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    public boolean isOperatorStaff() {
        return accountId == null;
    }

    public AccountUser with(String newName, UserRole newRole, String newPhone, UserState newState, Instant at) {
        return new AccountUser(id, accountId, email, newName, newRole, newPhone, newState, createdAt, at);
    }
}
