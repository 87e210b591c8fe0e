package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.PasswordPolicy;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.SessionStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The people of an account (and the operator's staff) once invited ({@link Invitations}): listed, their name, role,
 * contact phone or state changed and removed by the account's owners and admins (owners by owners only; the last
 * active owner stays), and one's own password changed. Another account's people do not exist for the caller (404).
 */
public final class UserService {
    /** What a change of a person sets; null leaves a field as it is. */
    public record Edit(String name, UserRole role, String contactPhone, UserState state) {
    }

    private final Transactions transactions;
    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;

    public UserService(Transactions transactions, UserStore users, SessionStore sessions, PasswordHasher hasher, PasswordPolicy policy,
                       NumberInputs inputs, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The people of the caller's account; the operator names an account, or none for its own staff. */
    public List<AccountUser> list(RequestContext ctx, String accountId, String afterId, int limit) {
        String account = Membership.accountOf(ctx, accountId);
        return transactions.inTransaction(tx -> users.list(tx, account, afterId, limit));
    }

    public AccountUser get(RequestContext ctx, String userId) {
        return transactions.inTransaction(tx -> Membership.visible(tx, users, ctx, userId));
    }

    /** Changes name, role, contact phone or state; the last owner is neither demoted nor disabled (409). */
    public AccountUser change(RequestContext ctx, String userId, Edit wanted) {
        String checkedName = wanted.name() == null ? null : AccountUser.validName(wanted.name());
        String phone = wanted.contactPhone() == null ? null : inputs.one("contact_phone", wanted.contactPhone());
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> {
            AccountUser before = Membership.visible(tx, users, ctx, userId);
            Membership.requireMayManage(ctx, before.role());
            UserRole role = wanted.role() == null ? before.role() : wanted.role();
            if ((before.accountId() == null) != (role == UserRole.OPERATOR)) {
                throw new InvalidFieldException("role", before.accountId() == null ? "the operator's staff keep the role operator"
                        : "must be owner, admin, editor or viewer within an account");
            }
            Membership.requireMayManage(ctx, role);
            UserState state = wanted.state() == null ? before.state() : wanted.state();
            if (state == UserState.INVITED && before.state() != UserState.INVITED) {
                throw new InvalidFieldException("state", "may be set to active or disabled");
            }
            if (state == UserState.ACTIVE && before.state() == UserState.INVITED) {
                throw new InvalidFieldException("state", "an invited person becomes active by accepting the invitation");
            }
            AccountUser after = before.with(checkedName != null ? checkedName : before.name(), role,
                    phone != null ? phone : before.contactPhone(), state, now);
            boolean stopsOwning = before.role() == UserRole.OWNER && before.state() == UserState.ACTIVE
                    && (after.role() != UserRole.OWNER || after.state() != UserState.ACTIVE);
            if (stopsOwning && users.owners(tx, before.accountId()) <= 1) {
                throw new ConflictException("the account's last owner can be neither demoted nor disabled; make another owner first");
            }
            Changes changes = new Changes();
            if (!before.name().equals(after.name())) {
                changes.field("name", before.name(), after.name());
            }
            if (before.role() != after.role()) {
                changes.field("role", before.role().wireName(), after.role().wireName());
            }
            if (!java.util.Objects.equals(before.contactPhone(), after.contactPhone())) {
                changes.field("contact_phone", before.contactPhone(), after.contactPhone());
            }
            if (before.state() != after.state()) {
                changes.field("state", before.state().wireName(), after.state().wireName());
            }
            if (changes.isEmpty()) {
                return before;
            }
            users.update(tx, after);
            if (after.state() == UserState.DISABLED) {
                sessions.revokeAllOf(tx, after.id(), null, now);
            }
            auditor.record(tx, ctx, after.accountId(), "user.changed", "user", after.id(), changes.list());
            return after;
        });
    }

    /** Removes a person with their sessions; the last owner stays (409). */
    public void remove(RequestContext ctx, String userId) {
        transactions.inTransaction(tx -> {
            AccountUser user = Membership.visible(tx, users, ctx, userId);
            Membership.requireMayManage(ctx, user.role());
            if (user.role() == UserRole.OWNER && user.state() == UserState.ACTIVE && users.owners(tx, user.accountId()) <= 1) {
                throw new ConflictException("the account's last owner cannot be removed; make another owner first");
            }
            users.delete(tx, user.id());
            auditor.record(tx, ctx, user.accountId(), "user.removed", "user", user.id(), new Changes()
                    .field("email", user.email(), null).field("role", user.role().wireName(), null).list());
            return null;
        });
    }

    /** The signed-in person changes their own password, giving the current one; their other sessions end. */
    public void changePassword(RequestContext ctx, String sessionId, String oldPassword, String newPassword) {
        if (!ctx.principal().isUser()) {
            throw new ForbiddenException("a password belongs to a person signed in; an API key has none");
        }
        String userId = ctx.principal().userId();
        record Current(AccountUser user, String hash) {
        }
        Current current = transactions.inTransaction(tx -> new Current(users.find(tx, userId).orElseThrow(() -> new NotFoundException("user")),
                users.passwordHash(tx, userId).orElse(null)));
        if (!hasher.matches(oldPassword, current.hash())) {
            throw new InvalidFieldException("old_password", "is not the current password");
        }
        policy.check(newPassword, current.user().email());
        if (newPassword.equals(oldPassword)) {
            throw new InvalidFieldException("password", "must differ from the current password");
        }
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        transactions.inTransaction(tx -> {
            users.setPasswordHash(tx, userId, hash, now);
            int ended = sessions.revokeAllOf(tx, userId, sessionId, now);
            auditor.record(tx, ctx, current.user().accountId(), "user.password_changed", "user", userId, new Changes()
                    .field("password", "(set)", "(changed)").field("other_sessions_ended", null, Integer.toString(ended)).list());
            return null;
        });
    }

}
