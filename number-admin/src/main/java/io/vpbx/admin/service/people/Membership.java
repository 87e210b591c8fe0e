package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.UserStore;
import java.sql.SQLException;

/**
 * Who may see and manage which people, shared by {@link Invitations} and {@link UserService}: an account caller sees
 * its own account's people, the operator everyone's; owners and admins manage people, owners only manage owners; an
 * API key acts for its whole account as an owner would.
 */
final class Membership {
    private Membership() {
    }

    /** The account whose people the caller means: an account caller's own, or for the operator the one named. */
    static String accountOf(RequestContext ctx, String accountId) {
        if (ctx.principal().isOperator()) {
            return accountId;
        }
        if (accountId != null && !accountId.equals(ctx.principal().accountId())) {
            throw new NotFoundException("account " + accountId);
        }
        return ctx.principal().accountId();
    }

    /** Refuses (403) a person who may not manage someone with the role {@code target}. */
    static void requireMayManage(RequestContext ctx, UserRole target) {
        Principal caller = ctx.principal();
        if (caller.isOperator() || !caller.isUser()) {
            return;
        }
        if (!caller.userRole().managesAccount()) {
            throw new ForbiddenException("only the account's owners and admins manage its people");
        }
        if (target == UserRole.OWNER && caller.userRole() != UserRole.OWNER) {
            throw new ForbiddenException("only an owner makes, changes or removes owners");
        }
    }

    /** The person, if the caller may see them; another account's person does not exist (404). */
    static AccountUser visible(Tx tx, UserStore users, RequestContext ctx, String userId) throws SQLException {
        return users.find(tx, userId)
                .filter(user -> ctx.principal().isOperator() || ctx.principal().accountId().equals(user.accountId()))
                .orElseThrow(() -> new NotFoundException("user " + userId));
    }
}
