package io.vpbx.admin.domain.account;

/** Who holds an API key: the platform operator, or one account. */
public enum Role {
    OPERATOR,
    ACCOUNT
}
