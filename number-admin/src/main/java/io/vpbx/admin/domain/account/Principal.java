package io.vpbx.admin.domain.account;

import io.vpbx.admin.domain.people.UserRole;

/**
 * The authenticated caller of the admin API. {@code accountId} is null for the operator. A caller holds an API key
 * ({@code keyId}) or is a person signed in to the console ({@code userId} and {@code userRole}, {@code keyId} null);
 * the operator's staff act as the operator.
 */
public record Principal(Role role, String accountId, String keyId, String userId, UserRole userRole) {

    public Principal(Role role, String accountId, String keyId) {
        this(role, accountId, keyId, null, null);
    }

    public static Principal operator(String keyId) {
        return new Principal(Role.OPERATOR, null, keyId);
    }

    public static Principal account(String accountId, String keyId) {
        return new Principal(Role.ACCOUNT, accountId, keyId);
    }

    /** A person signed in: of an account, or with {@code accountId} null one of the operator's staff. */
    public static Principal user(String accountId, String userId, UserRole userRole) {
        return new Principal(accountId == null ? Role.OPERATOR : Role.ACCOUNT, accountId, null, userId, userRole);
    }

    /** The platform itself, for changes nobody requested (expiry of reservations, end of quarantine). */
    public static Principal system() {
        return new Principal(Role.OPERATOR, null, "system");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this is a person signed in rather than an API key. */
    public boolean isUser() {
        return userId != null;
    }

    /** What the per-caller rate limit counts by: the key, or the person. */
    public String rateKey() {
        return isUser() ? "user/" + userId : keyId;
    }

    /** How the audit log names this caller. */
    public String actor() {
        if (isUser()) {
            return isOperator() ? "operator/user/" + userId : "account/" + accountId + "/user/" + userId;
        }
        return isOperator() ? "operator/" + keyId : "account/" + accountId + "/key/" + keyId;
    }
}
