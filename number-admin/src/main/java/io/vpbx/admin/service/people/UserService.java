package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.contact.EmailAddress;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.Invitation;
import io.vpbx.admin.domain.people.PasswordPolicy;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.SessionStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.UserStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The people of an account (and the operator's staff): invited by e-mail, activated by choosing a password through
 * the link, their role changed or removed by the account's owners and admins (owners by owners only; the last owner
 * stays). An API key acts for its whole account as an owner would. Another account's people do not exist for the
 * caller (404).
 */
public final class UserService {
    /** What a change of a person sets; null leaves a field as it is. */
    public record Edit(String name, UserRole role, String contactPhone, UserState state) {
    }

    private final Transactions transactions;
    private final UserStore users;
    private final SessionStore sessions;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionSecrets secrets;
    private final EmailGateway email;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;
    private final String consoleBase;
    private final Duration invitationTtl;

    public UserService(Transactions transactions, UserStore users, SessionStore sessions, AccountStore accounts, PasswordHasher hasher,
                       PasswordPolicy policy, SessionSecrets secrets, EmailGateway email, NumberInputs inputs, Auditor auditor,
                       Clock clock, String consoleBase, Duration invitationTtl) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.secrets = secrets;
        this.email = email;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
        this.consoleBase = consoleBase;
        this.invitationTtl = invitationTtl;
    }

    /**
     * Invites a person: an account's owner or admin (or key) into its account; the operator into the account named
     * by {@code accountId}, or, with none, as operator staff (role {@code operator}). The link goes by e-mail only.
     */
    public AccountUser invite(RequestContext ctx, String accountId, String emailText, String name, String roleText, String phoneText) {
        String address = EmailAddress.of("email", emailText).value().toLowerCase(Locale.ROOT);
        String checkedName = name(name);
        UserRole role = UserRole.of(roleText == null ? null : roleText.trim())
                .orElseThrow(() -> new InvalidFieldException("role", "must be one of " + WireName.all(UserRole.class)));
        String phone = phoneText == null ? null : inputs.one("contact_phone", phoneText);
        String account = accountOf(ctx, accountId);
        if ((account == null) != (role == UserRole.OPERATOR)) {
            throw new InvalidFieldException("role", account == null
                    ? "the operator's own staff have the role operator; name account_id to invite into an account"
                    : "must be owner, admin, editor or viewer within an account");
        }
        requireMayManage(ctx, role);
        Instant now = clock.instant();
        String token = secrets.newToken();
        return transactions.inTransaction(tx -> {
            if (account != null && accounts.find(tx, account).isEmpty()) {
                throw new InvalidFieldException("account_id", "no account " + account);
            }
            AccountUser user = new AccountUser(UUID.randomUUID().toString(), account, address, checkedName, role, phone,
                    UserState.INVITED, now, now);
            if (!users.add(tx, user)) {
                throw new ConflictException("a person with the e-mail " + address + " exists already");
            }
            users.addInvitation(tx, new Invitation(SessionSecrets.hash(token), user.id(), now, now.plus(invitationTtl), null));
            email.send(tx, address, "Your invitation to vpbx", invitationText(checkedName, role, token, now.plus(invitationTtl)));
            auditor.record(tx, ctx, account, "user.invited", "user", user.id(), new Changes().field("email", null, address)
                    .field("name", null, checkedName).field("role", null, role.wireName()).field("contact_phone", null, phone)
                    .field("invitation_expires_at", null, now.plus(invitationTtl).toString()).list());
            return user;
        });
    }

    /** Sends an invited person a new link (the old ones keep their own expiry); 409 once the person is active. */
    public AccountUser reinvite(RequestContext ctx, String userId) {
        Instant now = clock.instant();
        String token = secrets.newToken();
        return transactions.inTransaction(tx -> {
            AccountUser user = visible(tx, ctx, userId);
            requireMayManage(ctx, user.role());
            if (user.state() != UserState.INVITED) {
                throw new ConflictException("the person has accepted an invitation already");
            }
            users.addInvitation(tx, new Invitation(SessionSecrets.hash(token), user.id(), now, now.plus(invitationTtl), null));
            email.send(tx, user.email(), "Your invitation to vpbx", invitationText(user.name(), user.role(), token, now.plus(invitationTtl)));
            auditor.record(tx, ctx, user.accountId(), "user.reinvited", "user", user.id(), new Changes()
                    .field("invitation_expires_at", null, now.plus(invitationTtl).toString()).list());
            return user;
        });
    }

    /** Sets the password through an invitation link (no sign-in needed): the person becomes active. */
    public AccountUser accept(String token, String password, String name, String phoneText, String sourceIp, String requestId) {
        String phone = phoneText == null ? null : inputs.one("contact_phone", phoneText);
        String checkedName = name == null ? null : name(name);
        Instant now = clock.instant();
        String tokenHash = SessionSecrets.plausible(token) ? SessionSecrets.hash(token) : null;
        AccountUser invited = transactions.inTransaction(tx -> {
            Invitation invitation = tokenHash == null ? null : users.invitation(tx, tokenHash).orElse(null);
            if (invitation == null || !invitation.usableAt(now)) {
                throw new NotFoundException("invitation (it may have expired or been used; ask for a new one)");
            }
            return users.find(tx, invitation.userId()).orElseThrow(() -> new NotFoundException("invitation"));
        });
        policy.check(password, invited.email());
        if (invited.state() == UserState.DISABLED) {
            throw new NotFoundException("invitation");
        }
        String contact = phone != null ? phone : invited.contactPhone();
        if (contact == null) {
            throw new InvalidFieldException("contact_phone", "is required: sign-in codes are sent to it");
        }
        String hash = hasher.hash(password);
        return transactions.inTransaction(tx -> {
            if (!users.acceptInvitation(tx, tokenHash, now)) {
                throw new NotFoundException("invitation (it may have expired or been used; ask for a new one)");
            }
            AccountUser active = invited.with(checkedName != null ? checkedName : invited.name(), invited.role(), contact,
                    UserState.ACTIVE, now);
            users.update(tx, active);
            users.setPasswordHash(tx, active.id(), hash, now);
            RequestContext self = new RequestContext(Principal.user(active.accountId(), active.id(), active.role()), sourceIp, requestId);
            auditor.record(tx, self, active.accountId(), "user.activated", "user", active.id(), new Changes()
                    .field("state", invited.state().wireName(), UserState.ACTIVE.wireName())
                    .field("name", invited.name(), active.name()).field("contact_phone", invited.contactPhone(), contact)
                    .field("password", null, "(set)").list());
            return active;
        });
    }

    /** The people of the caller's account; the operator names an account, or none for its own staff. */
    public List<AccountUser> list(RequestContext ctx, String accountId, String afterId, int limit) {
        String account = accountOf(ctx, accountId);
        return transactions.inTransaction(tx -> users.list(tx, account, afterId, limit));
    }

    public AccountUser get(RequestContext ctx, String userId) {
        return transactions.inTransaction(tx -> visible(tx, ctx, userId));
    }

    /** Changes name, role, contact phone or state; the last owner is neither demoted nor disabled (409). */
    public AccountUser change(RequestContext ctx, String userId, Edit wanted) {
        String checkedName = wanted.name() == null ? null : name(wanted.name());
        String phone = wanted.contactPhone() == null ? null : inputs.one("contact_phone", wanted.contactPhone());
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> {
            AccountUser before = visible(tx, ctx, userId);
            requireMayManage(ctx, before.role());
            UserRole role = wanted.role() == null ? before.role() : wanted.role();
            if ((before.accountId() == null) != (role == UserRole.OPERATOR)) {
                throw new InvalidFieldException("role", before.accountId() == null ? "the operator's staff keep the role operator"
                        : "must be owner, admin, editor or viewer within an account");
            }
            requireMayManage(ctx, role);
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
            AccountUser user = visible(tx, ctx, userId);
            requireMayManage(ctx, user.role());
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

    /** The account whose people the caller means: an account caller's own, or for the operator the one named. */
    private static String accountOf(RequestContext ctx, String accountId) {
        if (ctx.principal().isOperator()) {
            return accountId;
        }
        if (accountId != null && !accountId.equals(ctx.principal().accountId())) {
            throw new NotFoundException("account " + accountId);
        }
        return ctx.principal().accountId();
    }

    /** An owner is managed by owners only (and by the account's API keys and the operator). */
    private static void requireMayManage(RequestContext ctx, UserRole target) {
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

    private AccountUser visible(Tx tx, RequestContext ctx, String userId) throws SQLException {
        return users.find(tx, userId)
                .filter(user -> ctx.principal().isOperator() || ctx.principal().accountId().equals(user.accountId()))
                .orElseThrow(() -> new NotFoundException("user " + userId));
    }

    private String invitationText(String name, UserRole role, String token, Instant expiresAt) {
        return "Hello " + name + ",\n\nyou are invited to vpbx as " + role.wireName() + ".\n"
                + "Choose your password here: " + consoleBase + "/#/accept/" + token + "\n\n"
                + "The link works until " + expiresAt + ". If you did not expect it, ignore this message.\n";
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > AccountUser.MAX_NAME_LENGTH || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldException("name", "must be 1.." + AccountUser.MAX_NAME_LENGTH + " characters without control characters");
        }
        return trimmed;
    }
}
