package io.vpbx.admin.domain.account;

/** The authenticated caller of the admin API. {@code accountId} is null for the operator. */
public record Principal(Role role, String accountId, String keyId) {

    public static Principal operator(String keyId) {
        return new Principal(Role.OPERATOR, null, keyId);
    }

    public static Principal account(String accountId, String keyId) {
        return new Principal(Role.ACCOUNT, accountId, keyId);
    }

    /** The platform itself, for changes nobody requested (expiry of reservations, end of quarantine). */
    public static Principal system() {
        return new Principal(Role.OPERATOR, null, "system");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** How the audit log names this caller. */
    public String actor() {
        return isOperator() ? "operator/" + keyId : "account/" + accountId + "/key/" + keyId;
    }
}
