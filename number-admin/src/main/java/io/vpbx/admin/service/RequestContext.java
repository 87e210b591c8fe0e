package io.vpbx.admin.service;

import io.vpbx.admin.domain.account.Principal;

/** Who asks, from where, under which request id: what every change needs for its audit entry. */
public record RequestContext(Principal principal, String sourceIp, String requestId) {

    /** The account the caller acts for; the operator has none and is refused account-scoped work. */
    public String accountId() {
        if (principal.accountId() == null) {
            throw new ForbiddenException("this operation belongs to an account; use an account's API key");
        }
        return principal.accountId();
    }

    public void requireOperator() {
        if (!principal.isOperator()) {
            throw new ForbiddenException("only the platform operator may do this");
        }
    }

    public static RequestContext system(String requestId) {
        return new RequestContext(Principal.system(), "127.0.0.1", requestId);
    }
}
